package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first check of a user's credentials runs BCrypt once however many requests arrive together, and
 * sharing it never lets a different password in nor keeps a refusal for later.
 */
class VerifiedCredentialsCacheTest {
    private static final String PASSWORD = "demo";

    /** The real BCrypt check, counted, held at a gate so that the test decides when it finishes. */
    private static final class GatedBcrypt implements AuthenticationProvider {
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch gate = new CountDownLatch(1);
        private final DaoAuthenticationProvider bcrypt;

        GatedBcrypt() {
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
            bcrypt = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                    User.withUsername("analyst").password(encoder.encode(PASSWORD)).roles("ANALYST").build()));
            bcrypt.setPasswordEncoder(encoder);
        }

        @Override
        public Authentication authenticate(Authentication attempt) {
            checks.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return bcrypt.authenticate(attempt);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    @Test
    void concurrent_first_requests_of_one_user_share_one_bcrypt_check() throws Exception {
        GatedBcrypt bcrypt = new GatedBcrypt();
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt);
        List<Attempt> attempts = arrivingTogether(bcrypt, cache, Collections.nCopies(16, PASSWORD));

        for (Attempt attempt : attempts) {
            assertThat(attempt.task.get().isAuthenticated()).isTrue();
        }
        assertThat(bcrypt.checks).as("BCrypt checks for 16 requests arriving together").hasValue(1);
        assertThat(cache.authenticate(token("analyst", PASSWORD)).isAuthenticated()).isTrue();
        assertThat(bcrypt.checks).as("after the first check").hasValue(1);
    }

    @Test
    void a_wrong_password_arriving_while_the_right_one_is_checked_is_refused() throws Exception {
        GatedBcrypt bcrypt = new GatedBcrypt();
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt);
        List<Attempt> attempts = arrivingTogether(bcrypt, cache, List.of(PASSWORD, "guess"));
        Attempt right = attempts.get(0);
        Attempt wrong = attempts.get(1);

        assertThat(right.task.get().isAuthenticated()).isTrue();
        assertThatThrownBy(wrong.task::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks).as("each password its own check").hasValue(2);
    }

    @Test
    void concurrent_wrong_guesses_each_cost_a_check_and_are_never_remembered() throws Exception {
        GatedBcrypt bcrypt = new GatedBcrypt();
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt);
        List<Attempt> guesses = arrivingTogether(bcrypt, cache, Collections.nCopies(4, "guess"));

        for (Attempt guess : guesses) {
            assertThatThrownBy(guess.task::get).hasCauseInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.checks).as("a check per guess").hasValue(4);
        assertThatThrownBy(() -> cache.authenticate(token("analyst", "guess")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks).as("the next guess checked again").hasValue(5);
    }

    /** One request's authentication on a thread of its own. */
    private static final class Attempt {
        final FutureTask<Authentication> task;
        final Thread thread;

        Attempt(VerifiedCredentialsCache cache, String user, String password) {
            task = new FutureTask<>(() -> cache.authenticate(token(user, password)));
            thread = new Thread(task);
            thread.start();
        }
    }

    /**
     * The analyst's requests with these passwords, each on a thread of its own, let through BCrypt's gate once
     * every one of them is parked: at the gate inside BCrypt, or waiting for another's check.
     */
    private static List<Attempt> arrivingTogether(GatedBcrypt bcrypt, VerifiedCredentialsCache cache,
                                                  List<String> passwords) throws InterruptedException {
        List<Attempt> attempts = new ArrayList<>();
        for (String password : passwords) {
            attempts.add(new Attempt(cache, "analyst", password));
        }
        while (!attempts.stream().allMatch(a -> a.thread.getState() == Thread.State.WAITING)) {
            Thread.sleep(5);
        }
        bcrypt.gate.countDown();
        return attempts;
    }

    private static Authentication token(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
