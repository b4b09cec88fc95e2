package se.tidigt.gateway.security;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;

import java.util.List;

/**
 * The security chains match paths themselves. By default Spring Security matches a rule's path
 * through Spring MVC's handler mappings ({@code MvcRequestMatcher}) and, for that, puts a filter in front of
 * the chains that looks up each request's handler in every mapping (HandlerMappingIntrospector's cache):
 * Spring MVC then looks it up a second time to dispatch. Here the rules are {@code PathPatternRequestMatcher}s
 * (the same {@code PathPattern} syntax and parser Spring MVC uses, Spring Security 7's default), and the
 * look-up filter is taken out again, so a request's handler is looked up once.
 * {@code tidigt.write-path.security-path-patterns=false}: Spring Security's default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tidigt.write-path.security-path-patterns", havingValue = "true", matchIfMissing = true)
class SecurityPathPatterns {
    static final String FILTER_CHAIN = "springSecurityFilterChain";

    /** {@code requestMatchers(String)} and {@code securityMatcher(String)} build path-pattern matchers. */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean securityPathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security wraps its filter chain, when Spring MVC is present, in a proxy whose first filter fills
     * the handler-mapping cache ({@code WebMvcSecurityConfiguration}); with no {@code MvcRequestMatcher} left
     * nothing reads that cache, so the chain is registered unwrapped. Runs after every registry post-processor.
     */
    @Bean
    static BeanFactoryPostProcessor noHandlerMappingLookupBeforeSecurity() {
        return factory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
            if (!registry.containsBeanDefinition(FILTER_CHAIN)) {
                return;
            }
            BeanDefinition wrapped = registry.getBeanDefinition(FILTER_CHAIN);
            String type = wrapped.getBeanClassName();
            if (type == null || !type.endsWith("$CompositeFilterChainProxy")) {
                return;
            }
            ConstructorArgumentValues.ValueHolder filters = wrapped.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
            if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                    && list.get(1) instanceof BeanDefinition chain) {
                registry.removeBeanDefinition(FILTER_CHAIN);
                registry.registerBeanDefinition(FILTER_CHAIN, chain);
            } else {
                LoggerFactory.getLogger(SecurityPathPatterns.class)
                        .warn("Spring Security's filter chain is wrapped in an unknown way; its handler look-up stays");
            }
        };
    }
}
