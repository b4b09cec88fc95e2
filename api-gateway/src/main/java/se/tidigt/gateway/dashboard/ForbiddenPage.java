package se.tidigt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A signed-in visitor on a page their role may not open (an analyst on the auditors' pages) gets a
 * page that says so in their language, with the way back, instead of the API's problem document;
 * a client that asks for JSON keeps the problem ({@link DashboardSecurity}, {@link PageTemplates#askedByBrowser}).
 */
@Component
class ForbiddenPage implements AccessDeniedHandler {
    private final PageTemplates templates;

    ForbiddenPage(PageTemplates templates) {
        this.templates = templates;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write(templates.message("dashboard/forbidden.html"));
    }
}
