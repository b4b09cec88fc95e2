package se.tidigt.gateway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo users share one well-known password, so guessing is slowed down: after
 * {@value #ALLOWED_FAILURES} failed sign-ins a user name is refused for {@link #PAUSE}, password
 * checked or not (429 with Retry-After). A success clears the count.
 */
final class SignInThrottle implements AuthenticationProvider {
    static final int ALLOWED_FAILURES = 5;
    static final Duration PAUSE = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 10_000;

    private final AuthenticationProvider verifier;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(AuthenticationProvider verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String user = attempt.getName();
        Instant now = clock.instant();
        Failures earlier = failures.get(user);
        if (earlier != null && earlier.count() >= ALLOWED_FAILURES && now.isBefore(earlier.last().plus(PAUSE))) {
            throw new TooManyFailedSignIns(PAUSE.minus(Duration.between(earlier.last(), now)));
        }
        try {
            Authentication result = verifier.authenticate(attempt);
            failures.remove(user);
            return result;
        } catch (AuthenticationException e) {
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
            failures.merge(user, new Failures(1, now), (old, one) -> new Failures(
                    now.isAfter(old.last().plus(PAUSE)) ? 1 : old.count() + 1, now));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return verifier.supports(authentication);
    }

    private record Failures(int count, Instant last) {
    }

    /** Sign-ins for this user are paused; {@link #retryAfter()} says for how long. */
    static final class TooManyFailedSignIns extends AuthenticationException {
        private final Duration retryAfter;

        TooManyFailedSignIns(Duration retryAfter) {
            super("Too many failed sign-ins");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
