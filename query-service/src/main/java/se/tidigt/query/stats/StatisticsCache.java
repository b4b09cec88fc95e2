package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Supplier;

/**
 * Statistics change only when events arrive, so answers are kept, keyed by the query and the
 * projection's position ({@link StatisticsPosition}, read from the database: correct on every instance
 * sharing it) and whatever else the answer depends on (today's date, the rollout tables). A key whose
 * position has moved on is never looked up again, so a kept answer is never stale; old entries age out
 * of a bounded cache. Concurrent requests for one key wait for one computation.
 *
 * <p>The case facts themselves are kept too, for the latest position only, read in one repeatable-read
 * snapshot together with that position: every query at the same position shares one load.
 */
@Component
public class StatisticsCache {
    /** Rows kept, summed over the cached answers (an answer of the rollout effect weighs as much as 20 rows). */
    static final int MAXIMUM_ROWS = 4_000;

    private record Key(Object query, long position) {
    }

    private record Snapshot(long position, List<CaseFact> facts) {
    }

    private final StatisticsPosition position;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshotReads;
    private final Cache<Key, List<ObjectNode>> answers = Caffeine.newBuilder()
            .maximumWeight(MAXIMUM_ROWS).weigher((Key key, List<ObjectNode> rows) -> Math.max(1, rows.size())).build();
    /** False only to measure without it (benchmarks): every request computes from freshly read facts. */
    private final boolean enabled;
    private Snapshot latest;
    /** What {@link #derived} built, and from which snapshot. */
    private Snapshot derivedFrom;
    private Object derived;

    StatisticsCache(StatisticsPosition position, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                    @Value("${tidigt.stats.cache:true}") boolean enabled) {
        this.enabled = enabled;
        this.position = position;
        this.jdbc = jdbc;
        this.snapshotReads = new TransactionTemplate(transactions);
        snapshotReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotReads.setReadOnly(true);
    }

    /** The answer to {@code query} (which must say everything the answer depends on but the facts), computed once a position. */
    public List<ObjectNode> answer(Object query, Supplier<List<ObjectNode>> compute) {
        if (!enabled) {
            return compute.get();
        }
        List<ObjectNode> rows = answers.get(new Key(query, position.current()), key -> compute.get());
        return rows.stream().map(ObjectNode::deepCopy).toList();
    }

    /** One answer object, weighing {@code weight} rows. */
    public ObjectNode answer(Object query, int weight, Supplier<ObjectNode> compute) {
        if (!enabled) {
            return compute.get();
        }
        List<ObjectNode> rows = answers.get(new Key(query, position.current()), key -> {
            ObjectNode answer = compute.get();
            return java.util.Collections.nCopies(weight, answer);
        });
        return rows.get(0).deepCopy();
    }

    /** Every case fact as of the latest position, loaded once per position. */
    public List<CaseFact> facts(CaseFacts source) {
        if (!enabled) {
            return source.all();
        }
        synchronized (this) {
            long now = position.current();
            if (latest == null || latest.position() != now) {
                latest = snapshotReads.execute(status -> new Snapshot(position.current(), source.all()));
            }
            return latest.facts();
        }
    }

    /**
     * Something built from the latest position's facts (the statistics' cell summaries), once per position
     * and kept with that snapshot, so every query at the position shares it. One kind of thing only: the
     * first caller's (CaseStatistics).
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(CaseFacts source, java.util.function.Function<List<CaseFact>, T> derive) {
        if (!enabled) {
            return derive.apply(source.all());
        }
        synchronized (this) {
            List<CaseFact> facts = facts(source);
            if (derivedFrom != latest) {
                derived = derive.apply(facts);
                derivedFrom = latest;
            }
            return (T) derived;
        }
    }

    /**
     * What the rollout effect reads besides the facts: the districts' rollout events and the plans (small
     * tables, kept by a subscribing projection in the command's own transaction), as one fingerprint.
     */
    public String rolloutFingerprint() {
        return jdbc.queryForObject("SELECT coalesce((SELECT md5(string_agg(district || '/' || sequence_number || '/' || "
                + "md5(payload::text), ',' ORDER BY district, sequence_number)) FROM district_rollout_event), '') || ':' || "
                + "coalesce((SELECT md5(string_agg(plan_id || '/' || md5(document::text), ',' ORDER BY plan_id)) "
                + "FROM rollout_plan), '')", String.class);
    }
}
