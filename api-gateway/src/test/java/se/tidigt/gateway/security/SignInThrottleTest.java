package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The throttle's memory: keyed by user name and client address, bounded, and a flood of new names
 * (from anywhere) can neither lift a pause nor grow the table past its bound.
 */
class SignInThrottleTest {
    private static final String PASSWORD = "demo";
    private static final AuthenticationProvider DEMO_PASSWORD = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            if (!PASSWORD.equals(attempt.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, java.util.List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void failures_from_one_address_pause_the_user_there_and_nowhere_else() {
        SignInThrottle throttle = new SignInThrottle(DEMO_PASSWORD, clock, 100);
        fiveFailures(throttle, "farsta-admin", "203.0.113.9");

        assertThatThrownBy(() -> throttle.authenticate(attempt("farsta-admin", PASSWORD, "203.0.113.9")))
                .isInstanceOf(SignInPaused.class);
        assertThat(throttle.authenticate(attempt("farsta-admin", PASSWORD, "198.51.100.4")).isAuthenticated())
                .as("the user from their own address").isTrue();
        clock.advance(SignInThrottle.PAUSE);
        assertThat(throttle.authenticate(attempt("farsta-admin", PASSWORD, "203.0.113.9")).isAuthenticated())
                .as("after the pause").isTrue();
    }

    @Test
    void a_flood_of_new_names_neither_lifts_a_pause_nor_grows_the_table_past_its_bound() {
        SignInThrottle throttle = new SignInThrottle(DEMO_PASSWORD, clock, 100);
        fiveFailures(throttle, "farsta-admin", "203.0.113.9");
        for (int i = 0; i < 5_000; i++) {
            String address = "10.0." + (i / 250) + "." + (i % 250);
            try {
                throttle.authenticate(attempt("flood-" + i, "guess", address));
            } catch (org.springframework.security.core.AuthenticationException expected) {
                // a wrong password, or a pause once the table is full of paused pairs
            }
            assertThat(throttle.tracked()).isLessThanOrEqualTo(100);
        }
        assertThatThrownBy(() -> throttle.authenticate(attempt("farsta-admin", PASSWORD, "203.0.113.9")))
                .as("still paused after the flood").isInstanceOf(SignInPaused.class);
    }

    @Test
    void a_table_full_of_paused_pairs_refuses_unknown_pairs_rather_than_checking_them_untracked() {
        SignInThrottle throttle = new SignInThrottle(DEMO_PASSWORD, clock, 10);
        for (int i = 0; i < 10; i++) {
            fiveFailures(throttle, "user-" + i, "203.0.113.9");
        }
        assertThatThrownBy(() -> throttle.authenticate(attempt("another", "guess", "203.0.113.10")))
                .isInstanceOf(SignInPaused.class);
        clock.advance(SignInThrottle.PAUSE);
        assertThat(throttle.authenticate(attempt("another", PASSWORD, "203.0.113.10")).isAuthenticated()).isTrue();
    }

    private void fiveFailures(SignInThrottle throttle, String user, String address) {
        for (int i = 0; i < SignInThrottle.ALLOWED_FAILURES; i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt(user, "guess", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private static Authentication attempt(String user, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
