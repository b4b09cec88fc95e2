package se.tidigt.query.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Statistics change only when events arrive, so answers are kept as the bytes the gateway sends
 * ({@link #bytes}, JSON and CSV rendered together), keyed by the query, the projection's position
 * ({@link StatisticsPosition}, read from the database: correct on every instance sharing it), the rollout
 * tables' version (V246) and whatever else the answer depends on (today's date). A key whose position has
 * moved on is never looked up again, so a kept answer is never taken for a later state's ({@link PreparedAnswers}
 * gives a query's newest answer, named by its state, while the next is prepared); old entries age out of a
 * bounded cache. Concurrent requests for one key wait for one computation. A warm request reads the state once
 * ({@link #state}) and neither computes, copies nor serialises anything; a cold one passes that state on to
 * {@link #snapshot}, {@link #facts} and {@link #derived}, which use facts at least as new as it (never older:
 * the key names the position its answer was computed from, or an earlier one).
 *
 * <p>The case facts themselves are kept too, for the latest position only ({@link FactsSnapshot}). The
 * first load reads every case; after that, each new position reads, in one repeatable-read snapshot
 * together with that position, only the cases stamped after the position held (V245; why that is exact
 * under concurrent segments: {@link StatisticsPosition}) and puts them in their places in a new list: a
 * reader of the previous snapshot keeps its list, never a half-applied one. A new generation (the
 * projection's reset deleted the rows) reloads everything.
 */
@Component
public class StatisticsCache {
    private record Key(Object query, long position, long rollout) {
    }

    /**
     * What one new snapshot changed against the one before it: the cases stamped in (fromPosition,
     * toPosition], and every child pseudonym they concern, before and after (erasure gives a case a new
     * child). {@code fullReload}: everything was read again (first load, or a new generation after a
     * reset); {@code children} is then empty and whatever is derived from the facts must be derived anew.
     * A consumer that kept state as of position P applies a delta only if its {@code fromPosition} is P.
     */
    public record FactsDelta(long fromPosition, long toPosition, Set<String> children, boolean fullReload) {
    }

    /** Every case fact as of {@code position} (in {@link CaseFacts#ORDER}, unmodifiable), and how it came from the one before. */
    public record FactsSnapshot(long position, long generation, List<CaseFact> facts, FactsDelta delta) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatisticsCache.class);

    private final StatisticsPosition position;
    private final TransactionTemplate snapshotReads;
    /** The answers kept, at most {@code tidigt.stats.answer-bytes} of them; null in the plain-object tests' cache. */
    private final Cache<Key, Rendered> bytes;
    /** False only for plain-object tests ({@link #disabled}): every request computes from freshly read facts. */
    private final boolean enabled;
    private volatile FactsSnapshot latest;
    /** What {@link #derived} holds, the snapshot it reflects, and the children changed since (null: build it whole). */
    private Object derived;
    private FactsSnapshot derivedAt;
    private Set<String> changedSinceDerived;

    @Autowired
    StatisticsCache(StatisticsPosition position, PlatformTransactionManager transactions,
                    @Value("${tidigt.stats.answer-bytes:33554432}") long answerBytes) {
        if (answerBytes <= 0) {
            throw new IllegalArgumentException("tidigt.stats.answer-bytes must be positive, not " + answerBytes);
        }
        this.enabled = true;
        this.position = position;
        this.bytes = Caffeine.newBuilder().maximumWeight(answerBytes)
                .weigher((Key key, Rendered answer) -> answer.json().length + answer.csv().length).build();
        this.snapshotReads = new TransactionTemplate(transactions);
        snapshotReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotReads.setReadOnly(true);
    }

    private StatisticsCache() {
        this.enabled = false;
        this.position = null;
        this.bytes = null;
        this.snapshotReads = null;
    }

    /** A cache that keeps nothing: every answer computed, every fact read afresh (plain-object tests). */
    public static StatisticsCache disabled() {
        return new StatisticsCache();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * What the answers are keyed by, read once: pass it to {@link #bytes} and on to whatever reads the facts,
     * so a request reads it once; null when the cache is disabled (the facts are then read afresh).
     */
    public StatisticsPosition.State state() {
        return enabled ? position.state() : null;
    }

    /**
     * One answer in both formats the gateway sends. Rendered together from one computation, so asking for
     * the other format of an answer already given costs nothing (the rollout effect's bootstrap takes
     * seconds at city scale) and there is no second, object-level cache under this one.
     */
    public record Rendered(byte[] json, byte[] csv) {
    }

    /**
     * The answer to {@code query} as the bytes sent, computed once per state; {@code query} must say
     * everything the answer depends on but the facts and the rollout tables (who reads, today).
     * {@code compute} must read the facts through {@code state} (so never from facts older than the key).
     * Disabled: computed every time.
     */
    public Rendered bytes(Object query, StatisticsPosition.State state, Supplier<Rendered> compute) {
        if (!enabled) {
            return compute.get();
        }
        return bytes.get(new Key(query, state.position(), state.rollout()), key -> compute.get());
    }

    /** The answer to {@code query} kept for exactly {@code state}, or null (also when disabled): never computes. */
    public Rendered kept(Object query, StatisticsPosition.State state) {
        return enabled ? bytes.getIfPresent(new Key(query, state.position(), state.rollout())) : null;
    }

    /**
     * Every case fact as of {@code state}'s position or later (null: the latest position, read now), loaded
     * once per position.
     */
    public List<CaseFact> facts(CaseFacts source, StatisticsPosition.State state) {
        return enabled ? snapshot(source, state).facts() : source.all();
    }

    /** The facts as of the latest position, read now; see {@link #snapshot(CaseFacts, StatisticsPosition.State)}. */
    public FactsSnapshot snapshot(CaseFacts source) {
        return snapshot(source, null);
    }

    /**
     * The facts as of {@code state}'s position or later, with the delta that made them from the previous
     * snapshot: the snapshot held if it is that new (no read at all), else one loaded in a snapshot of the
     * database, which reads the position again there (the position the facts are of, never older than
     * {@code state}'s: positions only move forward, resets too). Only the cases changed since the position
     * held are read (all of them when the generation moved).
     * {@code state} null: at least the position read now.
     */
    public FactsSnapshot snapshot(CaseFacts source, StatisticsPosition.State state) {
        if (!enabled) {
            throw new IllegalStateException("The statistics cache is disabled: read the facts from CaseFacts");
        }
        long wanted = state != null ? state.position() : position.current();
        FactsSnapshot held = latest;
        if (held != null && held.position() >= wanted) {
            return held;
        }
        synchronized (this) {
            FactsSnapshot before = latest;
            if (before != null && before.position() >= wanted) {
                return before; // loaded by the request this one waited for
            }
            long start = System.nanoTime();
            FactsSnapshot next = snapshotReads.execute(status -> load(source, before));
            if (next != before) {
                log.debug("Statistics facts at position {}: {} ({} cases, {} children concerned) in {} µs", next.position(),
                        next.delta().fullReload() ? "reloaded" : "delta from " + next.delta().fromPosition(),
                        next.facts().size(), next.delta().children().size(), (System.nanoTime() - start) / 1_000);
                if (next.delta().fullReload()) {
                    changedSinceDerived = null;
                } else if (changedSinceDerived != null) {
                    changedSinceDerived.addAll(next.delta().children());
                }
            }
            latest = next;
            return next;
        }
    }

    /** How {@link #derived} builds its value from the facts, and brings it forward when some children's cases changed. */
    public interface Derivation<T> {
        T whole(List<CaseFact> facts);

        T forward(T before, List<CaseFact> facts, Set<String> changedChildren);
    }

    /**
     * Something built from the facts as of {@code state} or later (the statistics' cell summaries), kept
     * with them so every query at a position shares it: built whole on the first load and after a reload,
     * otherwise brought forward from the value held, for the children whose cases changed in every delta
     * since (collected here, so a snapshot taken for someone else in between loses nothing). One kind of
     * value only: CaseStatistics'.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(CaseFacts source, StatisticsPosition.State state, Derivation<T> derivation) {
        if (!enabled) {
            return derivation.whole(source.all());
        }
        synchronized (this) {
            FactsSnapshot now = snapshot(source, state);
            if (derivedAt != now) {
                derived = derivedAt == null || changedSinceDerived == null
                        ? derivation.whole(now.facts())
                        : derivation.forward((T) derived, now.facts(), Set.copyOf(changedSinceDerived));
                derivedAt = now;
                changedSinceDerived = new HashSet<>();
            }
            return (T) derived;
        }
    }

    /** Inside one repeatable-read transaction: the position first (the snapshot), then what changed since {@code before}. */
    private FactsSnapshot load(CaseFacts source, FactsSnapshot before) {
        StatisticsPosition.State now = position.state();
        if (before != null && before.position() == now.position() && before.generation() == now.generation()) {
            return before;
        }
        if (before == null || before.generation() != now.generation() || now.position() < before.position()) {
            return reload(source, before, now);
        }
        List<CaseFact> changed = source.changedSince(before.position());
        Set<String> children = new HashSet<>();
        List<CaseFact> held = before.facts();
        CaseFact[] next = held.toArray(CaseFact[]::new);
        List<CaseFact> added = new ArrayList<>();
        for (CaseFact fact : changed) {
            // A case keeps its place: neither its day of concern nor its id changes once written.
            int at = Collections.binarySearch(held, fact, CaseFacts.ORDER);
            if (at >= 0) {
                children.add(held.get(at).child());
                next[at] = fact;
            } else {
                added.add(fact);
            }
            children.add(fact.child());
        }
        if (!added.isEmpty()) {
            next = merge(next, added);
        }
        long rows = source.count();
        if (rows != next.length) {
            // Rows written or deleted behind the projection's back (no stamp, no new generation): read them all.
            log.warn("Statistics facts: {} cases after the delta to position {}, {} in case_fact; reloading all",
                    next.length, now.position(), rows);
            return reload(source, before, now);
        }
        return new FactsSnapshot(now.position(), now.generation(), Collections.unmodifiableList(Arrays.asList(next)),
                new FactsDelta(before.position(), now.position(), Collections.unmodifiableSet(children), false));
    }

    /** Every fact read again, as of {@code now}: a full reload after {@code before} (null: the first load). */
    private static FactsSnapshot reload(CaseFacts source, FactsSnapshot before, StatisticsPosition.State now) {
        return new FactsSnapshot(now.position(), now.generation(), Collections.unmodifiableList(source.all()),
                new FactsDelta(before == null ? -1 : before.position(), now.position(), Set.of(), true));
    }

    /** {@code held} and {@code added} (both in {@link CaseFacts#ORDER}, no case in both) as one array in that order. */
    private static CaseFact[] merge(CaseFact[] held, List<CaseFact> added) {
        CaseFact[] merged = new CaseFact[held.length + added.size()];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < held.length && j < added.size()) {
            merged[k++] = CaseFacts.ORDER.compare(held[i], added.get(j)) <= 0 ? held[i++] : added.get(j++);
        }
        while (i < held.length) {
            merged[k++] = held[i++];
        }
        while (j < added.size()) {
            merged[k++] = added.get(j++);
        }
        return merged;
    }
}
