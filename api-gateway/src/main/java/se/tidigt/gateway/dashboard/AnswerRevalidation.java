package se.tidigt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.io.InputStream;

/**
 * The statistics and district answers the pages read carry an ETag and may be kept by the browser,
 * which must ask again every time ({@code private, no-cache}): an unchanged answer then costs a 304 and
 * no body (the city view's JSON is about 700 KB). Every request is still authorised and access-logged
 * as before; the answer is only not sent twice. Runs outside Spring Security's chain, so its
 * {@code no-store} on the API's answers is replaced for these reads only.
 */
@Configuration(proxyBeanMethods = false)
class AnswerRevalidation {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> statisticsEtags() {
        RevalidatedAnswers etags = new RevalidatedAnswers();
        // Weak: Tomcat compresses no answer that carries a strong ETag (the compressed bytes would differ).
        etags.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
        registration.addUrlPatterns("/api/v1/stats/*", "/api/v1/districts", "/api/v1/districts/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Spring's filter leaves an answer marked no-store alone; these are made revalidatable instead. */
    private static final class RevalidatedAnswers extends ShallowEtagHeaderFilter {
        @Override
        protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status,
                                            InputStream body) {
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (!read || status < 200 || status >= 300 || response.getHeader(HttpHeaders.ETAG) != null) {
                return false;
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            return true;
        }
    }
}
