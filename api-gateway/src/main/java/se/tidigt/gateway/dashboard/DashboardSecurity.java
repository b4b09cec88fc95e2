package se.tidigt.gateway.dashboard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import se.tidigt.gateway.problem.ProblemResponses;

/**
 * The page's own filter chain: the page, its assets, the sign-in page and the session endpoint.
 * Sign-in is a form against the same users as the API; an OIDC login can take its place here alone.
 * The API calls the page makes with its session go through the API's chain and its access rules,
 * which read that session and ask its unsafe calls for the CSRF token (see SecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {
    static final String LOGIN = "/login";
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, ProblemResponses problems,
                                  ObjectProvider<AuthenticationManager> demoAuthentication) throws Exception {
        RequestMatcher assets = new OrRequestMatcher(PATHS.matcher("/dashboard/*.js"), PATHS.matcher("/dashboard/*.css"),
                PATHS.matcher("/webjars/**"), PATHS.matcher("/favicon.ico"));
        RequestMatcher pageApi = PATHS.matcher("/dashboard/session");
        RequestMatcher pages = new OrRequestMatcher(PATHS.matcher("/"), PATHS.matcher("/index.html"), PATHS.matcher(LOGIN),
                PATHS.matcher("/logout"));
        http.securityMatcher(new OrRequestMatcher(assets, pageApi, pages))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(assets).permitAll()
                        .requestMatchers(LOGIN).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems::unauthorized, pageApi)
                        .defaultAccessDeniedHandlerFor(problems::forbidden, pageApi));
        demoAuthentication.ifAvailable(http::authenticationManager);
        return http.build();
    }
}
