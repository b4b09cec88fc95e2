package se.tidigt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import se.tidigt.gateway.problem.ProblemResponses;
import se.tidigt.platform.actor.ActorPrincipal;
import se.tidigt.gateway.security.IdentityClaims;
import se.tidigt.gateway.security.SignInPaused;
import se.tidigt.platform.actor.Role;

import java.io.IOException;
import java.util.List;

/**
 * The page's own filter chain: the page, its assets, the sign-in page and the session endpoint.
 * Sign-in is a form against the demo users (when they are on) and, when the OIDC client is configured,
 * the authorization code flow with PKCE against the city's identity provider ({@link SignInMethods});
 * without demo users the page sends a visitor straight to the provider. Either way the session carries
 * an {@link ActorPrincipal}, the ID token's claims read as a bearer token's are ({@link IdentityClaims}).
 * Signing out of a provider's session signs out at the provider too ({@link ProviderSignOut}).
 * The API calls the page makes with its session go through the API's chain and its access rules,
 * which read that session and ask its unsafe calls for the CSRF token (see SecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {
    static final String LOGIN = "/login";
    static final String AUDIT = "/audit";
    static final String SPREAD = "/spread";
    /** Paths other chains own: their clients keep the API's answers (a 401 with its challenge, a problem). */
    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/error");
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    /** The roles bound to a district: theirs are the pages to work in a district's cases. */
    private static final String[] DISTRICT_ROLES = java.util.Arrays.stream(Role.values()).filter(Role::isDistrictBound)
            .map(Role::authority).toArray(String[]::new);

    @Bean
    SignInMethods signInMethods(ObjectProvider<AuthenticationManager> demoAuthentication,
                                ObjectProvider<ClientRegistrationRepository> identityProvider) {
        return new SignInMethods(demoAuthentication.getIfAvailable() != null, identityProvider.getIfAvailable());
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, ProblemResponses problems, SignInMethods signIn,
                                  ObjectProvider<AuthenticationManager> demoAuthentication, ForbiddenPage forbidden) throws Exception {
        RequestMatcher assets = new OrRequestMatcher(PATHS.matcher("/dashboard/*.js"), PATHS.matcher("/dashboard/*.css"),
                PATHS.matcher("/webjars/**"), PATHS.matcher("/favicon.ico"));
        RequestMatcher pageApi = PATHS.matcher("/dashboard/session");
        RequestMatcher pages = new OrRequestMatcher(PATHS.matcher("/"), PATHS.matcher("/index.html"), PATHS.matcher(LOGIN),
                PATHS.matcher("/logout"), PATHS.matcher("/oauth2/authorization/*"), PATHS.matcher("/login/oauth2/code/*"),
                PATHS.matcher(AUDIT), PATHS.matcher(SPREAD), PATHS.matcher(DistrictPages.WORKLIST), PATHS.matcher(DistrictPages.ANY));
        http.securityMatcher(new OrRequestMatcher(assets, pageApi, pages, DashboardSecurity::signedInVisitor))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(assets).permitAll()
                        .requestMatchers(LOGIN).permitAll()
                        .requestMatchers(AUDIT).hasAuthority(Role.AUDITOR.authority())
                        .requestMatchers(SPREAD).hasAnyAuthority(Role.CITY_ANALYST.authority(), Role.PLATFORM_ADMIN.authority())
                        .requestMatchers(DistrictPages.WORKLIST, DistrictPages.ANY).hasAnyAuthority(DISTRICT_ROLES)
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(new ProviderSignOut(signIn, LOGIN + "?logout")))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems::unauthorized, pageApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(signIn.signInUrl()),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problems::forbidden, pageApi)
                        .defaultAccessDeniedHandlerFor(forbidden, PageTemplates::askedByBrowser));
        if (signIn.demoUsers()) {
            http.formLogin(form -> form.loginPage(LOGIN).successHandler(DashboardSecurity::home)
                    .failureHandler(DashboardSecurity::signInFailed).permitAll());
            demoAuthentication.ifAvailable(http::authenticationManager);
        }
        if (signIn.throughIdentityProvider()) {
            http.oauth2Login(login -> login
                    .loginPage(LOGIN)
                    // Its own note on the sign-in page: not the form's "wrong user name or password".
                    .failureUrl(LOGIN + "?" + SignInMethods.PROVIDER_FAILED)
                    .successHandler(DashboardSecurity::home)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce(signIn)))
                    // Only the sign-in is wanted, not the provider's access token: keep it with the session, not in memory for ever.
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                        @Override
                        public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationResultConverter(DashboardSecurity::actorOf);
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    /**
     * Back to the sign-in page with the reason: a paused user name says so and for how many seconds
     * ({@code ?paused=60}), since "wrong user name or password" would send the user on guessing.
     */
    private static void signInFailed(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        String reason = e instanceof SignInPaused paused
                ? "paused=" + Math.max(1, (paused.retryAfter().toMillis() + 999) / 1000) : "error";
        response.sendRedirect(request.getContextPath() + LOGIN + "?" + reason);
    }

    /**
     * A browser that holds a session, on a path no other chain owns: an unknown page then answers with
     * the 404 page ({@link NotFoundPage}), or sends a visitor whose session has no sign-in to the sign-in
     * page, never with HTTP Basic's challenge (a password pop-up). Without a session the request falls
     * to the chain that refuses everything, as an API client expects.
     */
    private static boolean signedInVisitor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid()
                && NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    /**
     * After sign-in: an auditor to the auditors' pages, a district user to the district's worklist (where
     * the work is; its figures are a link away), everyone else to the city view.
     */
    private static void home(HttpServletRequest request, HttpServletResponse response, Authentication signedIn) throws IOException {
        boolean auditor = signedIn.getAuthorities().stream().anyMatch(a -> Role.AUDITOR.authority().equals(a.getAuthority()));
        boolean district = signedIn.getAuthorities().stream().anyMatch(a -> List.of(DISTRICT_ROLES).contains(a.getAuthority()));
        response.sendRedirect(request.getContextPath() + (auditor ? AUDIT : district ? DistrictPages.WORKLIST : "/"));
    }

    /** Spring adds PKCE to a public client's requests by itself; a confidential client (with a secret) gets it too. */
    private static DefaultOAuth2AuthorizationRequestResolver withPkce(SignInMethods signIn) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(signIn.identityProvider(), "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** The session's principal is the actor the ID token names, as the API would read it from a bearer token. */
    private static OAuth2AuthenticationToken actorOf(OAuth2LoginAuthenticationToken signedIn) {
        String registration = signedIn.getClientRegistration().getRegistrationId();
        if (signedIn.getPrincipal() instanceof OidcUser user) {
            ActorPrincipal principal = new ActorPrincipal(IdentityClaims.actorOf(user.getIdToken()), null);
            return new ProviderSession(principal, principal.getAuthorities(), registration, user.getIdToken());
        }
        ClaimAccessor claims = signedIn.getPrincipal()::getAttributes;
        ActorPrincipal principal = new ActorPrincipal(IdentityClaims.actorOf(claims), null);
        return new OAuth2AuthenticationToken(principal, principal.getAuthorities(), registration);
    }
}
