package se.tidigt.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * The headers on every answer, and CORS. Spring Security's defaults (nosniff, no framing, no caching,
 * HSTS over HTTPS) plus no referrer and, for JSON answers, a content policy that allows nothing.
 * CORS is closed unless {@code TIDIGT_CORS_ALLOWED_ORIGINS} names the origins of a browser client:
 * a browser on another origin cannot call the API with a user's credentials.
 */
@Component
class SecurityHeaders {
    private final List<String> allowedOrigins;

    SecurityHeaders(@Value("${tidigt.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    void apply(HttpSecurity http, boolean strictContentPolicy) throws Exception {
        http.headers(headers -> {
            headers.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER));
            if (strictContentPolicy) {
                headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"));
            }
        });
        http.cors(cors -> cors.configurationSource(corsConfiguration()));
    }

    private UrlBasedCorsConfigurationSource corsConfiguration() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(allowedOrigins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key"));
            config.setExposedHeaders(List.of("ETag", "Location", "Idempotent-Replayed"));
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}
