package se.tidigt.gateway.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import se.tidigt.platform.actor.ActorPrincipal;

import java.util.List;

/**
 * An authenticated request whose identity came from a bearer token: the {@link ActorPrincipal} is
 * what the rest of the application sees, the token stays with it as the credentials.
 */
final class ActorToken extends AbstractAuthenticationToken {
    private final ActorPrincipal principal;
    private final transient Object token;

    ActorToken(ActorPrincipal principal, Object token) {
        super(principal.getAuthorities() == null ? List.of() : principal.getAuthorities());
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public ActorPrincipal getPrincipal() {
        return principal;
    }
}
