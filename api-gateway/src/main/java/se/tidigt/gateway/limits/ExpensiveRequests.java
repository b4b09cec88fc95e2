package se.tidigt.gateway.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.problem.Problems;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The guard around every expensive computation (a plan's power simulation, the rollout-effect estimate
 * with its randomisation inference). Three bounds, on top of the maxima the parameters are checked
 * against:
 * <ul>
 *   <li>a user has at most {@code tidigt.limits.expensive-per-user} (1) such requests running; another
 *       one is 429 with {@code Retry-After}. The user's slot is held until the computation has really
 *       ended, also when its answer was given up, so abandoned work cannot pile up;</li>
 *   <li>the instance runs at most {@code tidigt.limits.expensive-threads} (2) at once, with
 *       {@code tidigt.limits.expensive-queue} (8) waiting; beyond that, 429 too;</li>
 *   <li>each has a time budget, {@code tidigt.limits.computation-budget} (20 s): past it the answer is
 *       a 503 problem, and the computation's thread is interrupted. A request whose waiting thread is
 *       interrupted (the server giving up on it) cancels its computation the same way;</li>
 *   <li>a request whose client has hung up (see {@link ClientHangUp}, checked every
 *       {@link #HANG_UP_CHECK}) has its computation's thread interrupted too.</li>
 * </ul>
 * The estimators check their thread's interrupt once per draw or simulation and stop. Counted:
 * {@code tidigt.expensive.cancelled} by {@code reason} (client-gone, over-budget) and
 * {@code tidigt.expensive.ended} by {@code outcome} (completed, stopped, failed, never-started: cancelled
 * while it waited for a thread).
 */
@Component
public class ExpensiveRequests {
    private static final Logger log = LoggerFactory.getLogger(ExpensiveRequests.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final Duration HANG_UP_CHECK = Duration.ofMillis(100);

    private final int perUser;
    private final Duration budget;
    private final ThreadPoolExecutor executor;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    ExpensiveRequests(int perUser, int threads, int queue, Duration budget) {
        this(perUser, threads, queue, budget, new SimpleMeterRegistry());
    }

    @Autowired
    ExpensiveRequests(@Value("${tidigt.limits.expensive-per-user:1}") int perUser,
                      @Value("${tidigt.limits.expensive-threads:2}") int threads,
                      @Value("${tidigt.limits.expensive-queue:8}") int queue,
                      @Value("${tidigt.limits.computation-budget:20s}") Duration budget,
                      MeterRegistry meters) {
        this.meters = meters;
        this.perUser = perUser;
        this.budget = budget;
        AtomicInteger names = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread thread = new Thread(r, "expensive-request-" + names.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code work} for {@code user} within the bounds; its result, or the problem that says which bound held. */
    public <T> T run(String user, Supplier<T> work) {
        AtomicInteger mine = running.compute(user, (u, count) -> count == null ? new AtomicInteger() : count);
        if (mine.incrementAndGet() > perUser) {
            release(user, mine);
            throw tooMany("You have " + perUser + " expensive request" + (perUser == 1 ? "" : "s")
                    + " running already; send this one again when it has answered.");
        }
        // Whoever claims the work first settles the slot: the worker when it starts, or a cancel before it started.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<T> submitted;
        try {
            submitted = executor.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null;
                }
                String outcome = "failed";
                try {
                    T answer = work.get();
                    outcome = "completed";
                    return answer;
                } catch (RuntimeException e) {
                    // Interrupted work may stop in the estimators' own check or in whatever it was waiting on.
                    if (e instanceof CancellationException || Thread.currentThread().isInterrupted()) {
                        outcome = "stopped";
                    }
                    throw e;
                } finally {
                    release(user, mine);
                    meters.counter("tidigt.expensive.ended", "outcome", outcome).increment();
                }
            });
        } catch (RejectedExecutionException e) {
            release(user, mine);
            throw tooMany("The server is busy with other expensive requests; try again in a few seconds.");
        }
        Future<T> result = submitted;
        Runnable cancel = () -> {
            result.cancel(true);
            if (claimed.compareAndSet(false, true)) {
                release(user, mine);
                meters.counter("tidigt.expensive.ended", "outcome", "never-started").increment();
            }
        };
        BooleanSupplier hungUp = ClientHangUp.ofCurrentRequest();
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    return result.get(Math.max(0, Math.min(left, HANG_UP_CHECK.toNanos())), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (left <= HANG_UP_CHECK.toNanos()) {
                        throw e;
                    }
                    if (hungUp.getAsBoolean()) {
                        cancel.run();
                        meters.counter("tidigt.expensive.cancelled", "reason", "client-gone").increment();
                        log.info("Client of {} hung up; its computation was cancelled", user);
                        // Nobody is left to read it: the answer only closes the exchange without an error log.
                        throw new ApiProblem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "computation-cancelled",
                                "Computation cancelled", "The connection closed before the answer was ready."));
                    }
                }
            }
        } catch (TimeoutException e) {
            cancel.run();
            meters.counter("tidigt.expensive.cancelled", "reason", "over-budget").increment();
            throw new ApiProblem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "computation-over-budget",
                    "Computation over its time budget", "This computation took longer than its budget of "
                            + budget.toSeconds() + " s and was stopped. Ask for fewer simulations, replicates, waves or months."));
        } catch (InterruptedException e) {
            cancel.run();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Requests running or waiting for this user (for tests). */
    int running(String user) {
        AtomicInteger count = running.get(user);
        return count == null ? 0 : count.get();
    }

    private void release(String user, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            running.remove(user, mine);
        }
    }

    private static ApiProblem tooMany(String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-expensive-requests",
                "Too many expensive requests", detail);
        problem.setProperty("retryAfterSeconds", RETRY_AFTER.toSeconds());
        return new ApiProblem(problem);
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
