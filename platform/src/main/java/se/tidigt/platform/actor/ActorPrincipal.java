package se.tidigt.platform.actor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A user as Spring Security sees it, carrying the {@link Actor} the rest of the application uses. It is
 * also the principal of a dashboard session signed in through the identity provider (an OAuth2 login's
 * principal must be an {@link OAuth2User}); the claims were read into the actor at sign-in and are not kept
 * here (the dashboard's session keeps the ID token beside it, only to sign out at the provider too).
 */
public record ActorPrincipal(Actor actor, String passwordHash) implements UserDetails, OAuth2User {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.role() == null ? List.of() : List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getName() {
        return actor.userId();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public String getUsername() {
        return actor.userId();
    }

    @Override
    public String toString() {
        return "ActorPrincipal[" + actor + "]";
    }
}
