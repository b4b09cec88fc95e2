package se.tidigt.platform.actor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The actor of the current request, taken from Spring Security's context. */
public final class CurrentActor {
    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    public static Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated actor on this request"));
    }
}
