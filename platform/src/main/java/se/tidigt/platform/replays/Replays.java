package se.tidigt.platform.replays;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import se.tidigt.platform.problem.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs replays on a managed executor (shut down with the application), one at a time per
 * projection, and remembers how the last one went. A reset that fails leaves the streaming
 * processor running from where it stood and the failure visible in {@code /admin/projections},
 * instead of a stopped processor that nobody hears about.
 */
@Component
class Replays {
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    /**
     * The last replay of a projection: RUNNING, STARTED (a streaming processor rebuilding), DONE or FAILED.
     * A bulk rebuild ({@link BulkRebuild}, {@code mode} "bulk") also tells how far it has come while it runs and
     * where it ended: {@code events} handled, {@code position} (global index of the last one) and
     * {@code eventsPerSecond} since it started; null for Axon's reset ({@code mode} "reset").
     */
    record ReplayState(String state, Instant requestedAt, Instant endedAt, String error, String mode, Long events,
                       Long position, Double eventsPerSecond) {
        ReplayState(String state, Instant requestedAt, Instant endedAt, String error) {
            this(state, requestedAt, endedAt, error, null, null, null, null);
        }

        boolean running() {
            return "RUNNING".equals(state);
        }

        boolean bulkRunning() {
            return running() && "bulk".equals(mode);
        }

        ReplayState progressed(String newState, Instant at, long events, long position) {
            double seconds = Math.max(0.001, java.time.Duration.between(requestedAt, at).toNanos() / 1e9);
            return new ReplayState(newState, requestedAt, running() && "RUNNING".equals(newState) ? null : at, error,
                    mode, events, position, Math.round(events / seconds * 10) / 10.0);
        }

        ReplayState failed(Instant at, String why) {
            return new ReplayState("FAILED", requestedAt, at, why, mode, events, position, eventsPerSecond);
        }
    }

    private final ThreadPoolTaskExecutor executor;
    private final SubscribingRebuild subscribingRebuild;
    private final BulkRebuild bulk;
    private final Clock clock;
    private final Map<String, ReplayState> states = new ConcurrentHashMap<>();
    /** The last bulk catch-up of each projection (mode "catch-up"), while it runs and after. */
    private final Map<String, ReplayState> catchUps = new ConcurrentHashMap<>();

    Replays(SubscribingRebuild subscribingRebuild, BulkRebuild bulk, Clock clock) {
        this.subscribingRebuild = subscribingRebuild;
        this.bulk = bulk;
        this.clock = clock;
        this.executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("replay-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    ReplayState state(String name) {
        return states.get(name);
    }

    ReplayState catchUp(String name) {
        return catchUps.get(name);
    }

    /** Starts a replay, or refuses with 409 while one of the same projection runs (or a bulk catch-up of it). */
    synchronized void start(String name, EventProcessor processor) {
        ReplayState catchUp = catchUps.get(name);
        if (catchUp != null && catchUp.running()) {
            throw ApiProblem.conflict("catch-up-running", "The projection " + name + " is catching up in bulk; "
                    + "replay it when that has ended (see /api/v1/admin/projections).");
        }
        boolean bulkRebuild = processor instanceof StreamingEventProcessor s && bulk.applies(name, s);
        ReplayState running = new ReplayState("RUNNING", clock.instant(), null, null, bulkRebuild ? "bulk" : "reset",
                bulkRebuild ? 0L : null, null, null);
        states.compute(name, (key, current) -> {
            if ((current != null && current.running())
                    || (processor instanceof StreamingEventProcessor s && s.isReplaying())) {
                throw ApiProblem.conflict("replay-running", "A replay of " + name + " is already running; "
                        + "wait for it to end (see /api/v1/admin/projections).");
            }
            return running;
        });
        executor.execute(() -> run(name, processor, running));
    }

    private void run(String name, EventProcessor processor, ReplayState running) {
        try {
            if (processor instanceof StreamingEventProcessor streaming && "bulk".equals(running.mode())) {
                rebuildInBulk(name, streaming, running);
            } else if (processor instanceof StreamingEventProcessor streaming) {
                resetStreaming(streaming);
                states.put(name, new ReplayState("STARTED", running.requestedAt(), clock.instant(), null));
            } else if (processor instanceof SubscribingEventProcessor subscribing) {
                subscribingRebuild.rebuild(name, subscribing);
                states.put(name, new ReplayState("DONE", running.requestedAt(), clock.instant(), null));
            }
        } catch (Exception e) {
            log.error("Replay of {} failed", name, e);
            ReplayState last = states.getOrDefault(name, running);
            states.put(name, (last.running() ? last : running).failed(clock.instant(), describe(e)));
        }
    }

    /**
     * The bulk rebuild with the processor shut down; whatever happens, the processor starts again from the
     * tokens the rebuild left (the head after a rebuild, the last page that committed after a failure).
     */
    private void rebuildInBulk(String name, StreamingEventProcessor streaming, ReplayState running) throws Exception {
        streaming.shutDown();
        try {
            bulk.rebuild(name, streaming, (events, position) ->
                    states.put(name, running.progressed("RUNNING", clock.instant(), events, position)));
        } finally {
            streaming.start();
        }
        ReplayState last = states.getOrDefault(name, running);
        states.put(name, running.progressed("DONE", clock.instant(), last.events() == null ? 0 : last.events(),
                last.position() == null ? -1 : last.position()));
    }

    /**
     * Catches a streaming projection up in bulk on the calling thread ({@link BulkRebuild#catchUp}): its processor
     * shut down, the pages handled, the processor started again whatever happened. Does nothing while a replay of
     * it runs or another catch-up does. Returns the events read (-1 when nothing was caught up in bulk).
     */
    long catchUpInBulk(String name, StreamingEventProcessor streaming, java.util.function.BooleanSupplier restart) {
        ReplayState running = new ReplayState("RUNNING", clock.instant(), null, null, "catch-up", 0L, null, null);
        ReplayState previous;
        synchronized (this) {
            ReplayState replay = states.get(name);
            previous = catchUps.get(name);
            if ((replay != null && replay.running()) || streaming.isReplaying() || (previous != null && previous.running())) {
                return -1;
            }
            catchUps.put(name, running);
        }
        long done = -1;
        try {
            streaming.shutDown();
            try {
                done = bulk.catchUp(name, streaming, (events, position) ->
                        catchUps.put(name, running.progressed("RUNNING", clock.instant(), events, position)));
            } finally {
                if (restart.getAsBoolean()) {
                    streaming.start();
                }
            }
            ReplayState last = catchUps.getOrDefault(name, running);
            if (done < 0) {
                // Nothing was caught up here: the last catch-up that did something stays the one shown.
                restore(name, previous);
            } else {
                catchUps.put(name, running.progressed("DONE", clock.instant(), last.events() == null ? 0 : last.events(),
                        last.position() == null ? -1 : last.position()));
            }
        } catch (Exception e) {
            log.error("Bulk catch-up of {} failed; its processor goes on from the last page that committed", name, e);
            ReplayState last = catchUps.getOrDefault(name, running);
            catchUps.put(name, last.failed(clock.instant(), describe(e)));
        }
        return done;
    }

    private void restore(String name, ReplayState previous) {
        if (previous == null) {
            catchUps.remove(name);
        } else {
            catchUps.put(name, previous);
        }
    }

    /** Shutting down waits for the processor's threads to release their segments; a failed reset restarts it as it was. */
    private static void resetStreaming(StreamingEventProcessor streaming) {
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } finally {
            streaming.start();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + (message.length() > 300 ? message.substring(0, 300) : message);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdown();
    }
}
