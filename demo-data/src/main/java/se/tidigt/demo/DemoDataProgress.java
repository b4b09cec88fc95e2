package se.tidigt.demo;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How far the demo-data load has come, for the log and {@code GET /api/v1/admin/demo-data}. */
@Component
public class DemoDataProgress {
    public enum State { OFF, WAITING, SKIPPED, LOADING, DONE, FAILED }

    private volatile State state = State.OFF;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long seed;
    private volatile int total;
    private volatile String message;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong commands = new AtomicLong();

    /** What the endpoint answers. */
    public record Snapshot(State state, long seed, int stories, int written, int failed, long commands,
                           Instant startedAt, Instant finishedAt, Long elapsedMillis, String message) {
    }

    void waiting(long seed) {
        this.seed = seed;
        state = State.WAITING;
    }

    void skipped(String why) {
        message = why;
        state = State.SKIPPED;
    }

    /** Called when the load begins (stories not yet known: 0) and again when the stories are counted. */
    void started(int stories) {
        total = stories;
        if (startedAt == null) {
            startedAt = Instant.now();
        }
        state = State.LOADING;
    }

    void written(int commandCount) {
        commands.addAndGet(commandCount);
        written.incrementAndGet();
    }

    void failedStory() {
        failed.incrementAndGet();
    }

    void finished(String summary) {
        message = summary;
        finishedAt = Instant.now();
        state = failed.get() == 0 ? State.DONE : State.FAILED;
    }

    void aborted(String why) {
        message = why;
        finishedAt = Instant.now();
        state = State.FAILED;
    }

    int writtenSoFar() {
        return written.get();
    }

    public Snapshot snapshot() {
        Instant start = startedAt;
        Instant end = finishedAt;
        Long elapsed = start == null ? null : Duration.between(start, end == null ? Instant.now() : end).toMillis();
        return new Snapshot(state, seed, total, written.get(), failed.get(), commands.get(), start, end, elapsed, message);
    }
}
