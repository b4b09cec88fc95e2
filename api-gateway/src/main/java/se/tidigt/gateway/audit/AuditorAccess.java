package se.tidigt.gateway.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.platform.actor.Role;

import java.util.Set;

/**
 * Who reaches what, decided before any parameter is bound or validated: only auditors reach
 * {@code /api/v1/audit/**}, and auditors never write anywhere (they read every case, but only
 * through the audit endpoints, where every read is logged). Authentication itself (401) is Spring
 * Security's, which runs before this.
 */
@Configuration(proxyBeanMethods = false)
class AuditorAccess implements WebMvcConfigurer, HandlerInterceptor {
    static final String AUDIT_PATHS = "/api/v1/audit/";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null) {
            return true;
        }
        boolean audit = request.getRequestURI().startsWith(request.getContextPath() + AUDIT_PATHS);
        if (audit && actor.role() != Role.AUDITOR) {
            throw ApiProblem.forbidden("Only auditors may use the audit endpoints.");
        }
        if (!audit && actor.role() == Role.AUDITOR && !READS.contains(request.getMethod())) {
            throw ApiProblem.forbidden("Auditors read; they never write.");
        }
        return true;
    }
}
