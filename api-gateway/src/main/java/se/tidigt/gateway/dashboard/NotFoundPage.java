package se.tidigt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown path asked for by a browser (it accepts HTML, outside the API) is answered with the
 * 404 page, in the visitor's language; every other client keeps the problem answer the API gives
 * (the application's {@link ResponseEntityExceptionHandler}). Only a signed-in visitor gets here: the
 * page chain claims unknown paths for a session ({@link DashboardSecurity}), so a client without one is
 * still refused before any path is looked up.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPage {
    private final PageTemplates templates;
    private final ResponseEntityExceptionHandler problems;

    NotFoundPage(PageTemplates templates, ResponseEntityExceptionHandler problems) {
        this.templates = templates;
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> notFound(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        if (!PageTemplates.askedByBrowser(request)) {
            return problems.handleException(e, new ServletWebRequest(request));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(templates.message("dashboard/not-found.html"));
    }
}
