package se.tidigt.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;

/**
 * The security chains match paths with {@code PathPatternRequestMatcher}: the same {@code PathPattern} syntax
 * and parser Spring MVC uses, and Spring Security 7's default. Publishing the builder's factory bean is
 * Spring Security 6.5's documented way to opt in; {@code requestMatchers(String)} and
 * {@code securityMatcher(String)} then build path-pattern matchers instead of {@code MvcRequestMatcher}s.
 */
@Configuration(proxyBeanMethods = false)
class SecurityPathPatterns {

    @Bean
    PathPatternRequestMatcherBuilderFactoryBean securityPathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }
}
