package se.tidigt.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.ActorPrincipal;

/**
 * Turns a verified bearer JWT into the {@link Actor} of the request, read from its claims as
 * {@link IdentityClaims} reads them (the dashboard's ID tokens are read the same way).
 */
final class TokenActors implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new ActorToken(new ActorPrincipal(IdentityClaims.actorOf(jwt), null), jwt);
    }
}
