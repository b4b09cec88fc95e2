package se.tidigt.platform.periodic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task this instance runs on its own, again and again with a fixed delay between the end of one round and the
 * start of the next, on one named daemon thread (one per task, so a slow round delays only its own task). A round
 * that throws is logged and the next one runs as planned: an unexpected exception never ends the schedule
 * unnoticed. {@link #stop()} interrupts a running round and waits for it to end, so nothing of the task runs
 * once it returns; the task can be started again after.
 */
public final class PeriodicTask {
    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);
    /** How long {@link #stop()} waits for a running round that does not heed the interrupt. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final Runnable round;
    private ScheduledExecutorService thread;

    /** {@code name} names the thread (and the task in the log); {@code round} is one run of the task. */
    public PeriodicTask(String name, Runnable round) {
        this.name = name;
        this.round = round;
    }

    /** Runs the first round after {@code first}, then each one {@code delay} after the last ended; started already, nothing. */
    public synchronized void start(Duration first, Duration delay) {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::runRound, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized boolean running() {
        return thread != null;
    }

    /** Ends the schedule: a running round is interrupted and waited for (at most 30 s); no round starts after. */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not end its round within {} of being stopped", name, STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread = null;
        }
    }

    private void runRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            // Thrown out of here, it would end the executor's schedule without a word.
            log.warn("A round of {} failed; the next one runs as planned", name, e);
        }
    }
}
