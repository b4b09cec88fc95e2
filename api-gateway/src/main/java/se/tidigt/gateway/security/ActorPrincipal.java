package se.tidigt.gateway.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A user as Spring Security sees it, carrying the {@link Actor} the rest of the application uses. */
public record ActorPrincipal(Actor actor, String passwordHash) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.role() == null ? List.of() : List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
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
