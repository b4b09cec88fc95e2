package se.tidigt.gateway.limits;

import org.junit.jupiter.api.Test;
import se.tidigt.platform.problem.ApiProblem;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The guard's bounds: one running computation per user, a bounded pool, a time budget that stops the work,
 * and a slot freed at once for work given up before it had a thread.
 */
class ExpensiveRequestsTest {

    @Test
    void a_users_second_computation_is_429_while_the_first_runs_and_another_user_goes_on() throws Exception {
        ExpensiveRequests guard = new ExpensiveRequests(1, 2, 2, Duration.ofMinutes(5));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = caller.submit(() -> guard.run("ada", () -> {
                waitFor(release);
                return "first";
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.running("ada") == 1);
            assertThatThrownBy(() -> guard.run("ada", () -> "second")).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.problem().getStatus()).isEqualTo(429);
                assertThat(p.problem().getProperties()).containsEntry("retryAfterSeconds", 5L);
            });
            assertThat(guard.run("bo", () -> "another user")).isEqualTo("another user");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(guard.run("ada", () -> "after")).isEqualTo("after");
        } finally {
            release.countDown();
            caller.shutdownNow();
            guard.close();
        }
    }

    @Test
    void past_its_budget_a_computation_is_503_and_interrupted_and_the_users_slot_is_held_until_it_ends() {
        ExpensiveRequests guard = new ExpensiveRequests(1, 1, 1, Duration.ofMillis(200));
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> guard.run("ada", () -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    waitFor(finish);
                }
                return "never";
            })).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.problem().getStatus()).isEqualTo(503);
                assertThat(p.problem().getType().toString()).endsWith("computation-over-budget");
            });
            assertThat(waitFor(interrupted, 10)).as("the computation's thread was interrupted").isTrue();
            assertThatThrownBy(() -> guard.run("ada", () -> "again")).as("the abandoned work still holds the slot")
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.problem().getStatus()).isEqualTo(429));
            finish.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.running("ada") == 0);
            assertThat(guard.run("ada", () -> "again")).isEqualTo("again");
        } finally {
            finish.countDown();
            guard.close();
        }
    }

    @Test
    void a_computation_given_up_while_it_waits_for_a_thread_never_runs_and_frees_the_users_slot_at_once() {
        ExpensiveRequests guard = new ExpensiveRequests(5, 1, 1, Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        ExecutorService callers = Executors.newSingleThreadExecutor();
        try {
            // "a" holds the only thread, past its own budget too: it does not stop when interrupted.
            callers.submit(() -> guard.run("a", () -> awaitIgnoringInterrupts(release)));
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.running("a") == 1);
            assertThatThrownBy(() -> guard.run("b", () -> ran.getAndSet(true))).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.problem().getStatus()).isEqualTo(503));
            assertThat(guard.running("b")).as("the slot of work that never started").isZero();
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.running("a") == 0);
            assertThat(ran).as("the given-up work, once a thread was free").isFalse();
        } finally {
            release.countDown();
            callers.shutdownNow();
            guard.close();
        }
    }

    @Test
    void a_full_pool_and_queue_answer_429_rather_than_pile_up() {
        ExpensiveRequests guard = new ExpensiveRequests(5, 1, 1, Duration.ofMinutes(5));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            callers.submit(() -> guard.run("a", () -> waitFor(release)));
            callers.submit(() -> guard.run("b", () -> waitFor(release)));
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.running("a") == 1 && guard.running("b") == 1);
            assertThatThrownBy(() -> guard.run("c", () -> "third")).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.problem().getStatus()).isEqualTo(429));
        } finally {
            release.countDown();
            callers.shutdownNow();
            guard.close();
        }
    }

    private static boolean awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                boolean released = latch.await(60, TimeUnit.SECONDS);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return released;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static boolean waitFor(CountDownLatch latch) {
        return waitFor(latch, 60);
    }

    private static boolean waitFor(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
