package se.tidigt.gateway.dashboard;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import se.tidigt.platform.actor.ActorPrincipal;

import java.util.Collection;

/**
 * A page session signed in at the identity provider: its principal is the {@link ActorPrincipal} the ID
 * token's claims give, and the ID token itself is kept with the session for one purpose, signing out at
 * the provider too ({@link ProviderSignOut} sends it as {@code id_token_hint}).
 */
final class ProviderSession extends OAuth2AuthenticationToken {
    private final OidcIdToken idToken;

    ProviderSession(ActorPrincipal principal, Collection<? extends GrantedAuthority> authorities, String registrationId,
                    OidcIdToken idToken) {
        super(principal, authorities, registrationId);
        this.idToken = idToken;
    }

    /** The same session as Spring Security's OIDC support knows one: an OIDC user holding the ID token. */
    OAuth2AuthenticationToken asOidcSignIn() {
        return new OAuth2AuthenticationToken(new DefaultOidcUser(getAuthorities(), idToken), getAuthorities(),
                getAuthorizedClientRegistrationId());
    }
}
