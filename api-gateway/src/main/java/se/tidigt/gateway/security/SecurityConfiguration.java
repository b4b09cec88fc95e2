package se.tidigt.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.gateway.problem.ProblemResponses;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Three filter chains, each for its own paths, with the dashboard's page chain (form login, later
 * OIDC; {@code @Order} between 1 and 99) beside them:
 * <ol>
 *   <li>{@code /api/**}: stateless; a bearer JWT from the identity provider and, when they are on, the
 *   demo users over HTTP Basic; the dashboard's session (its unsafe calls with the CSRF token);
 *   {@link AccessRules} decides before any body is read, whichever way the caller signed in.</li>
 *   <li>operations ({@code /actuator/**}, the OpenAPI document): health open, metrics for the platform
 *   admin or on the management port.</li>
 *   <li>everything else: refused.</li>
 * </ol>
 * Without an identity provider and without demo users the application refuses to start
 * ({@link NoIdentityProvider}): it would answer every request with 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, DistrictScope scope, SecurityHeaders headers,
                            ObjectProvider<JwtDecoder> identityProvider,
                            ObjectProvider<AuthenticationManager> demoAuthentication) throws Exception {
        JwtDecoder tokens = identityProvider.getIfAvailable();
        AuthenticationManager demo = demoAuthentication.getIfAvailable();
        if (tokens == null && demo == null) {
            throw new NoIdentityProvider();
        }
        http.securityMatcher("/api/**")
                // The dashboard's fetch calls carry its session cookie instead of credentials: read
                // (never create) that session, and ask those calls, and only those, for the CSRF token.
                .securityContext(context -> context.securityContextRepository(pageSessions()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::unsafeWithSessionOnly))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(new AccessRules(scope)::apply)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        headers.apply(http, true);
        if (demo != null) {
            http.authenticationManager(demo)
                    .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint(problems)));
        }
        if (tokens != null) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.authenticationManager(bearerTokens(tokens)))
                    .authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden));
        }
        return http.build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain operations(HttpSecurity http, ProblemResponses problems, SecurityHeaders headers,
                                   ObjectProvider<JwtDecoder> identityProvider,
                                   ObjectProvider<AuthenticationManager> demoAuthentication,
                                   @Value("${management.server.port:-1}") int managementPort) throws Exception {
        http.securityMatcher("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                        "/error")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").access(new OperationalDetail(managementPort)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        headers.apply(http, false);
        AuthenticationManager demo = demoAuthentication.getIfAvailable();
        if (demo != null) {
            http.authenticationManager(demo).httpBasic(basic -> basic.authenticationEntryPoint(entryPoint(problems)));
        }
        JwtDecoder tokens = identityProvider.getIfAvailable();
        if (tokens != null) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.authenticationManager(bearerTokens(tokens)))
                    .authenticationEntryPoint(problems::unauthorized));
        }
        return http.build();
    }

    /** What no chain above claims (a page, a typo): refused, until a page chain claims it. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http, ProblemResponses problems, SecurityHeaders headers)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        headers.apply(http, true);
        return http.build();
    }

    /**
     * Spring Security observes each request's pass through the filter chain (every filter wrapped), each
     * authentication and each authorization: three observations, with their timers and a wrapper per
     * filter, on every request (a visible share of a write's CPU). No metric or dashboard reads
     * them; {@code http.server.requests} (Spring MVC's) stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall, its header checks with a fast path for printable ASCII
     * ({@link FirewallFastPath}: the same answers).
     */
    @Bean
    WebSecurityCustomizer firewallFastPath() {
        return web -> web.httpFirewall(FirewallFastPath.strictFirewall());
    }

    /**
     * Tokens are checked by their own manager: the chain's shared one is the demo users' when they are on,
     * and a provider added to the chain would not be asked.
     */
    private static AuthenticationManager bearerTokens(JwtDecoder decoder) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new TokenActors());
        return new ProviderManager(provider);
    }

    private static SecurityContextRepository pageSessions() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions);
    }

    /** A cross-site page can make a browser send its cookie, never an Authorization header. */
    private static boolean unsafeWithSessionOnly(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
        return !safe && request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
    }

    /** 401 as a problem, or 429 while a demo user's sign-ins are paused. */
    private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
        return (request, response, e) -> {
            if (e instanceof SignInPaused paused) {
                problems.tooManySignIns(response, paused.retryAfter());
            } else {
                problems.unauthorized(request, response, e);
            }
        };
    }

    @Bean
    @Conditional(DemoUsersSwitch.class)
    DemoUsers demoUsers(DistrictCatalogue districts, @Value("${tidigt.demo-password}") String password) {
        List<String> today = districts.validOn(LocalDate.now(Deadlines.ZONE)).stream()
                .map(District::code).toList();
        return new DemoUsers(today, password, new BCryptPasswordEncoder());
    }

    @Bean
    @Conditional(DemoUsersSwitch.class)
    AuthenticationManager demoAuthenticationManager(DemoUsers users, Clock clock) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(new BCryptPasswordEncoder());
        return new ProviderManager(new SignInThrottle(new VerifiedCredentialsCache(bcrypt), clock));
    }
}
