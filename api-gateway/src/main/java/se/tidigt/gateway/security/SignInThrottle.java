package se.tidigt.gateway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo users share one well-known password, so guessing is slowed down: after
 * {@value #ALLOWED_FAILURES} failed sign-ins of one user name from one client address, that user name
 * is refused from that address for {@link #PAUSE}, password checked or not (429 with Retry-After; the
 * sign-in page says for how long). A success clears the count. Keyed by user and address, a stranger
 * who fails on purpose pauses the user only where the stranger is, never the user's own sign-ins.
 *
 * <p>Memory is bounded ({@value #MAX_TRACKED} user-and-address pairs). When it is full, pairs whose pause
 * or count has run out are dropped first, then pairs still below the limit; a paused pair is never
 * dropped before its pause ends, so flooding the table with new names cannot lift a pause. If every pair
 * held is paused, a sign-in from a pair not held is refused too (for at most one pause) rather than
 * checked untracked.
 */
final class SignInThrottle implements AuthenticationProvider {
    static final int ALLOWED_FAILURES = 5;
    static final Duration PAUSE = Duration.ofMinutes(1);
    static final int MAX_TRACKED = 10_000;

    private final AuthenticationProvider verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<Key, Failures> failures = new HashMap<>();

    SignInThrottle(AuthenticationProvider verifier, Clock clock) {
        this(verifier, clock, MAX_TRACKED);
    }

    SignInThrottle(AuthenticationProvider verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    private record Key(String user, String address) {
    }

    private record Failures(int count, Instant last) {
        boolean paused(Instant now) {
            return count >= ALLOWED_FAILURES && now.isBefore(last.plus(PAUSE));
        }

        boolean over(Instant now) {
            return !now.isBefore(last.plus(PAUSE));
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Key key = new Key(attempt.getName(), addressOf(attempt));
        Instant now = clock.instant();
        synchronized (failures) {
            Failures earlier = failures.get(key);
            if (earlier != null && earlier.paused(now)) {
                throw new SignInPaused(PAUSE.minus(Duration.between(earlier.last(), now)));
            }
            if (earlier == null && failures.size() >= capacity && !makeRoom(now)) {
                throw new SignInPaused(PAUSE.minus(Duration.between(oldestPause(), now)));
            }
        }
        try {
            Authentication result = verifier.authenticate(attempt);
            synchronized (failures) {
                failures.remove(key);
            }
            return result;
        } catch (AuthenticationException e) {
            synchronized (failures) {
                if (failures.containsKey(key) || failures.size() < capacity || makeRoom(now)) {
                    failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.over(now) ? 1 : old.count() + 1, now));
                }
            }
            throw e;
        }
    }

    /** Drops what has run out, else the pairs below the limit; false if every pair held is paused. */
    private boolean makeRoom(Instant now) {
        failures.values().removeIf(f -> f.over(now));
        if (failures.size() < capacity) {
            return true;
        }
        failures.values().removeIf(f -> !f.paused(now));
        return failures.size() < capacity;
    }

    private Instant oldestPause() {
        return failures.values().stream().map(Failures::last).min(Instant::compareTo).orElse(clock.instant());
    }

    private static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }

    /** Pairs held (for tests). */
    int tracked() {
        synchronized (failures) {
            return failures.size();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return verifier.supports(authentication);
    }
}
