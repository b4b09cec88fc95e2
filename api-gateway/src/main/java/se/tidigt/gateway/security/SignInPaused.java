package se.tidigt.gateway.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Sign-ins for this user name from this client address are paused ({@link SignInThrottle}); {@link #retryAfter()} says for how long. */
public final class SignInPaused extends AuthenticationException {
    private final transient Duration retryAfter;

    SignInPaused(Duration retryAfter) {
        super("Too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
