package se.tidigt.platform.periodic;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodicTaskTest {
    private static final Duration OFTEN = Duration.ofMillis(5);

    private PeriodicTask task;

    @AfterEach
    void stopped() {
        if (task != null) {
            task.stop();
        }
    }

    @Test
    void rounds_run_again_and_again_on_one_named_daemon_thread() throws InterruptedException {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch rounds = new CountDownLatch(3);
        task = new PeriodicTask("periodic-under-test", () -> {
            threads.add(Thread.currentThread());
            rounds.countDown();
        });

        task.start(Duration.ZERO, OFTEN);

        assertThat(rounds.await(30, TimeUnit.SECONDS)).as("three rounds").isTrue();
        assertThat(task.running()).isTrue();
        assertThat(threads.stream().distinct().toList()).singleElement().satisfies(thread -> {
            assertThat(thread.getName()).isEqualTo("periodic-under-test");
            assertThat(thread.isDaemon()).as("never holds up the JVM's exit").isTrue();
        });
    }

    @Test
    void a_round_that_throws_does_not_end_the_schedule() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch afterFailures = new CountDownLatch(1);
        task = new PeriodicTask("periodic-failing", () -> {
            if (started.incrementAndGet() <= 2) {
                throw new IllegalStateException("made to fail");
            }
            afterFailures.countDown();
        });

        task.start(Duration.ZERO, OFTEN);

        assertThat(afterFailures.await(30, TimeUnit.SECONDS)).as("a round after two that failed").isTrue();
    }

    @Test
    void stop_interrupts_the_running_round_waits_for_it_and_no_round_follows() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch inRound = new CountDownLatch(1);
        CountDownLatch roundEnded = new CountDownLatch(1);
        task = new PeriodicTask("periodic-stopped", () -> {
            started.incrementAndGet();
            inRound.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                roundEnded.countDown();
            }
        });
        task.start(Duration.ZERO, OFTEN);
        assertThat(inRound.await(30, TimeUnit.SECONDS)).isTrue();

        task.stop();

        assertThat(roundEnded.getCount()).as("the round had ended when stop returned").isZero();
        assertThat(task.running()).isFalse();
        Thread.sleep(50);
        assertThat(started.get()).as("no round after the stop").isEqualTo(1);
    }

    @Test
    void starting_twice_runs_one_schedule_and_a_stopped_task_starts_again() throws InterruptedException {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        AtomicReference<CountDownLatch> rounds = new AtomicReference<>(new CountDownLatch(2));
        task = new PeriodicTask("periodic-restarted", () -> {
            threads.add(Thread.currentThread());
            rounds.get().countDown();
        });
        task.start(Duration.ZERO, OFTEN);
        task.start(Duration.ZERO, OFTEN);
        assertThat(rounds.get().await(30, TimeUnit.SECONDS)).isTrue();
        task.stop();
        assertThat(threads.stream().distinct().count()).as("one thread for both starts").isEqualTo(1);

        rounds.set(new CountDownLatch(1));
        task.start(Duration.ZERO, OFTEN);
        assertThat(rounds.get().await(30, TimeUnit.SECONDS)).as("started again after a stop").isTrue();
        assertThat(task.running()).isTrue();
    }
}
