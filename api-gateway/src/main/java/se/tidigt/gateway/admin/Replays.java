package se.tidigt.gateway.admin;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.problem.ApiProblem;

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

    /** The last replay of a projection: RUNNING, STARTED (a streaming processor rebuilding), DONE or FAILED. */
    record ReplayState(String state, Instant requestedAt, Instant endedAt, String error) {
        boolean running() {
            return "RUNNING".equals(state);
        }
    }

    private final ThreadPoolTaskExecutor executor;
    private final SubscribingRebuild subscribingRebuild;
    private final Clock clock;
    private final Map<String, ReplayState> states = new ConcurrentHashMap<>();

    Replays(SubscribingRebuild subscribingRebuild, Clock clock) {
        this.subscribingRebuild = subscribingRebuild;
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

    /** Starts a replay, or refuses with 409 while one of the same projection runs. */
    void start(String name, EventProcessor processor) {
        ReplayState running = new ReplayState("RUNNING", clock.instant(), null, null);
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
            if (processor instanceof StreamingEventProcessor streaming) {
                resetStreaming(streaming);
                states.put(name, new ReplayState("STARTED", running.requestedAt(), clock.instant(), null));
            } else if (processor instanceof SubscribingEventProcessor subscribing) {
                subscribingRebuild.rebuild(name, subscribing);
                states.put(name, new ReplayState("DONE", running.requestedAt(), clock.instant(), null));
            }
        } catch (RuntimeException e) {
            log.error("Replay of {} failed", name, e);
            states.put(name, new ReplayState("FAILED", running.requestedAt(), clock.instant(), describe(e)));
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
