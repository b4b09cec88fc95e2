package se.tidigt.gateway.dashboard;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

import java.io.IOException;

/**
 * Where signing out of the page leads. A session from the identity provider ends there too (OIDC
 * RP-initiated logout, Spring Security's own handler): the browser goes to the provider's
 * {@code end_session_endpoint} with the ID token as hint and comes back to the sign-in page, so the
 * next visit asks for the password again instead of being signed straight back in by the provider's
 * session. A demo user's session, or a provider whose metadata names no end-session endpoint (endpoints
 * given one by one instead of an issuer URI), goes straight to the sign-in page.
 */
final class ProviderSignOut implements LogoutSuccessHandler {
    private final LogoutSuccessHandler handler;

    ProviderSignOut(SignInMethods signIn, String signedOutPage) {
        if (signIn.throughIdentityProvider()) {
            OidcClientInitiatedLogoutSuccessHandler provider = new OidcClientInitiatedLogoutSuccessHandler(signIn.identityProvider());
            provider.setPostLogoutRedirectUri("{baseUrl}" + signedOutPage);
            provider.setDefaultTargetUrl(signedOutPage);
            handler = provider;
        } else {
            SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
            local.setDefaultTargetUrl(signedOutPage);
            handler = local;
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        handler.onLogoutSuccess(request, response,
                authentication instanceof ProviderSession session ? session.asOidcSignIn() : authentication);
    }
}
