package se.tidigt.query.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Answers prepared when the facts move, so that no reader waits on a cold computation of a query read
 * lately. Every statistics answer is kept per state ({@link StatisticsCache#bytes}); a new position makes
 * every kept answer a miss, and without this the first readers after it would all wait for the answer's
 * computation (seconds for the rollout effect at city scale). Here each query read in the last
 * {@code tidigt.stats.prepared-for} (10 min, at most {@value #QUERIES} queries) keeps the newest answer
 * computed for it, with how to compute it. A background preparer looks at the state every
 * {@code tidigt.stats.prepare-every} (200 ms, and after a round that computed, {@value #REST_PER_WORK} times
 * as long as it took) and, when it moved, computes each of those queries at the new state, one after the
 * other, into the answers kept per state. Meanwhile a reader whose query has no
 * answer at the state it read is given the newest one prepared: statistics are eventually consistent,
 * and that answer is of an earlier position of the same facts, never of another query.
 *
 * <p>Never served across a reset: an answer of another generation of the fact tables (the projection's
 * reset deletes them) is not given, the reader computes (or waits for the one computation of its state).
 * A query read for the first time is computed on the reader's thread too, as before. While the facts are
 * rebuilt ({@link StatisticsRebuild}) nothing is prepared and no reader's answer is kept as a query's newest:
 * those facts are a part of the events, and an answer of them must not be given in place of a later one.
 */
@Component
public class PreparedAnswers implements SmartLifecycle {
    static final int QUERIES = 512;
    /**
     * The preparer rests this many times as long as its last round took before it looks again: at most a
     * fifth of a core while events keep arriving (each round of the rollout effect's bootstrap takes seconds
     * at city scale, and the writes share the machine), however many queries are read.
     */
    static final int REST_PER_WORK = 4;
    /** Set on a thread whose reads are not a reader's (the start's warm-up): its queries are not prepared again. */
    private static final ThreadLocal<Boolean> NOT_A_READER = ThreadLocal.withInitial(() -> false);
    private static final Logger log = LoggerFactory.getLogger(PreparedAnswers.class);

    /** A query read lately: how its answer is computed away from a request, and the newest answer it has. */
    private static final class Preparation {
        private final Function<StatisticsPosition.State, StatisticsCache.Rendered> compute;
        private volatile Prepared newest;

        Preparation(Function<StatisticsPosition.State, StatisticsCache.Rendered> compute) {
            this.compute = compute;
        }

        /** Keeps {@code answer} if it is of a later state than the one held (a slow reader must not undo the preparer). */
        synchronized void offer(StatisticsPosition.State state, StatisticsCache.Rendered answer) {
            Prepared held = newest;
            if (held == null || held.state().generation() != state.generation() || held.state().position() < state.position()
                    || held.state().rollout() < state.rollout()) {
                newest = new Prepared(state, answer);
            }
        }
    }

    /** An answer and the state it was computed at (the position its facts are of, or an earlier one). */
    public record Prepared(StatisticsPosition.State state, StatisticsCache.Rendered answer) {
    }

    private final StatisticsCache cache;
    private final StatisticsPosition position;
    private final Cache<Object, Preparation> recent;
    private final Duration every;
    private final ObjectProvider<StatisticsRebuild> rebuilds;
    private volatile StatisticsRebuild rebuild;
    private volatile StatisticsPosition.State preparedAt;
    private long restUntil;
    private ScheduledExecutorService preparer;

    PreparedAnswers(StatisticsCache cache, StatisticsPosition position, ObjectProvider<StatisticsRebuild> rebuilds,
                    @Value("${tidigt.stats.prepared-for:10m}") Duration preparedFor,
                    @Value("${tidigt.stats.prepare-every:200ms}") Duration every) {
        this.cache = cache;
        this.position = position;
        this.rebuilds = rebuilds;
        this.every = every;
        this.restUntil = System.nanoTime();
        this.recent = Caffeine.newBuilder().maximumSize(QUERIES).expireAfterAccess(preparedFor).build();
    }

    /**
     * The answer to {@code query} at {@code state} ({@link StatisticsCache#state}, read once for the request):
     * the one kept for that state; else the newest one prepared for the query in the same generation, while
     * the preparer computes the next; else computed now by {@code onRequest} (one computation per state).
     * {@code inBackground} computes the same answer away from any request (the preparer's; no request's
     * limits apply to it). With the cache disabled, computed every time.
     */
    public Served answer(Object query, StatisticsPosition.State state,
                         Function<StatisticsPosition.State, StatisticsCache.Rendered> onRequest,
                         Function<StatisticsPosition.State, StatisticsCache.Rendered> inBackground) {
        if (!cache.enabled()) {
            return new Served(state, onRequest.apply(state));
        }
        Preparation preparation = NOT_A_READER.get() ? recent.getIfPresent(query)
                : recent.get(query, q -> new Preparation(inBackground));
        StatisticsCache.Rendered kept = cache.kept(query, state);
        Prepared newest = preparation == null ? null : preparation.newest;
        if (kept != null) {
            // An answer kept by someone else (the start's warm-up, another query's reader of the same key) becomes
            // this query's newest too: otherwise its first reader after the facts move would wait for a computation.
            if (preparation != null && (newest == null || !newest.state().equals(state)) && !rebuilding()) {
                preparation.offer(state, kept);
            }
            return new Served(state, kept);
        }
        if (newest != null && newest.state().generation() == state.generation()) {
            return new Served(newest.state(), newest.answer());
        }
        StatisticsCache.Rendered answer = cache.bytes(query, state, () -> onRequest.apply(state));
        if (preparation != null && !rebuilding()) {
            preparation.offer(state, answer);
        }
        return new Served(state, answer);
    }

    /**
     * Runs {@code reads} as reads that are no reader's (the answers are computed and kept, but their queries
     * are not prepared again when the facts move unless a reader asks for them): a warm-up that runs whether
     * anyone reads or not must not keep the preparer busy while only writes arrive.
     */
    public static void notAReader(Runnable reads) {
        NOT_A_READER.set(true);
        try {
            reads.run();
        } finally {
            NOT_A_READER.remove();
        }
    }

    /** An answer as served, and the state it was computed at (which the response names). */
    public record Served(StatisticsPosition.State state, StatisticsCache.Rendered answer) {
    }

    /**
     * One round of the preparer: if the state moved since the last round, each query read lately computed
     * at the new state (one computation per state, shared with any reader asking for it meanwhile).
     */
    public void prepare() {
        StatisticsPosition.State now = position.state();
        if (now.equals(preparedAt)) {
            return;
        }
        long start = System.nanoTime();
        int prepared = 0;
        for (var entry : recent.asMap().entrySet()) {
            Preparation preparation = entry.getValue();
            Prepared newest = preparation.newest;
            if (newest != null && newest.state().equals(now)) {
                continue;
            }
            try {
                preparation.offer(now, cache.bytes(entry.getKey(), now, () -> preparation.compute.apply(now)));
                prepared++;
            } catch (RuntimeException e) {
                // A query that cannot be answered now is answered (or refused) on request, as before.
                log.warn("Statistics answer not prepared at position {}: {}", now.position(), e.toString());
                recent.invalidate(entry.getKey());
            }
        }
        preparedAt = now;
        if (prepared > 0) {
            log.debug("Statistics: {} answers prepared at position {} in {} ms", prepared, now.position(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The state the last round of the preparer finished at (null before the first). */
    public StatisticsPosition.State preparedAt() {
        return preparedAt;
    }

    @Override
    public synchronized void start() {
        if (preparer != null || !cache.enabled()) {
            return;
        }
        preparer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "statistics-preparer");
            thread.setDaemon(true);
            return thread;
        });
        preparer.scheduleWithFixedDelay(this::round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        long start = System.nanoTime();
        if (start - restUntil < 0 || rebuilding()) {
            return;
        }
        try {
            prepare();
            restUntil = System.nanoTime() + REST_PER_WORK * (System.nanoTime() - start);
        } catch (RuntimeException e) {
            // The database away for a moment: the next round tries again, readers compute meanwhile.
            log.debug("Statistics preparer: {}", e.toString());
        }
    }

    /** Whether the facts are being rebuilt ({@link StatisticsRebuild}); looked up once it is first asked for. */
    private boolean rebuilding() {
        StatisticsRebuild known = rebuild;
        if (known == null) {
            known = rebuilds.getIfAvailable(() -> () -> false);
            rebuild = known;
        }
        return known.running();
    }

    @Override
    public synchronized void stop() {
        if (preparer != null) {
            preparer.shutdownNow();
            preparer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return preparer != null;
    }
}
