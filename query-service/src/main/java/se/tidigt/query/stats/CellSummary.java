package se.tidigt.query.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The merge of some cases' {@link CaseContribution}s: for every metric and value (or label) the
 * records counted (n), the sum of their record keys modulo 2³² and how many cases touched the entry.
 * Adding and subtracting are exact, so a summary can be kept up to date case by case (subtract the
 * old contribution, add the new); an entry no case touches any more is dropped, so a value (an age, a
 * partner) is listed exactly when a case of the summary has it, as the fact-by-fact figures list it.
 */
final class CellSummary {
    private static final Metric[] METRICS = Metric.values();

    /** Per metric: value (Long) or label (String) → {n, key sum mod 2³², contributing cases}. */
    @SuppressWarnings("unchecked")
    private final Map<Object, long[]>[] entries = new Map[METRICS.length];

    void add(Metric metric, long value, long n, long key) {
        add(metric.ordinal(), value, n, key, 1);
    }

    void add(Metric metric, String label, long n, long key) {
        add(metric.ordinal(), label, n, key, 1);
    }

    private void add(int metric, Object at, long n, long key, long cases) {
        Map<Object, long[]> values = entries[metric];
        if (values == null) {
            values = entries[metric] = new HashMap<>();
        }
        long[] e = values.computeIfAbsent(at, x -> new long[3]);
        e[0] += n;
        e[1] = Math.floorMod(e[1] + key, Count.KEY_SPACE);
        e[2] += cases;
        if (e[2] == 0) {
            values.remove(at);
        }
    }

    CellSummary add(CellSummary other) {
        return merge(other, 1);
    }

    CellSummary subtract(CellSummary other) {
        return merge(other, -1);
    }

    private CellSummary merge(CellSummary other, int sign) {
        for (int m = 0; m < METRICS.length; m++) {
            if (other.entries[m] != null) {
                int metric = m;
                other.entries[m].forEach((at, e) -> add(metric, at, sign * e[0], sign * e[1], sign * e[2]));
            }
        }
        return this;
    }

    /** No case in it (every case counts once as a concern). */
    boolean isEmpty() {
        Map<Object, long[]> concerns = entries[Metric.CONCERNS.ordinal()];
        return concerns == null || concerns.isEmpty();
    }

    /** A flag's or a sum's count. */
    Count count(Metric metric) {
        Map<Object, long[]> values = entries[metric.ordinal()];
        long[] e = values == null ? null : values.get(0L);
        return e == null ? Count.of(0, 0) : Count.of(e[0], e[1]);
    }

    /** The records whose value passes a test, e.g. a due day before today. */
    Count count(Metric metric, LongPredicate value) {
        long n = 0;
        long key = 0;
        for (Map.Entry<Long, Count> e : histogram(metric).entrySet()) {
            if (value.test(e.getKey())) {
                n += e.getValue().n();
                key += e.getValue().key();
            }
        }
        return Count.of(n, key);
    }

    /** Value → count, in value order. */
    TreeMap<Long, Count> histogram(Metric metric) {
        TreeMap<Long, Count> histogram = new TreeMap<>();
        Map<Object, long[]> values = entries[metric.ordinal()];
        if (values != null) {
            values.forEach((value, e) -> histogram.put((Long) value, Count.of(e[0], e[1])));
        }
        return histogram;
    }

    /** Label → count, in label order. */
    TreeMap<String, Count> labelled(Metric metric) {
        TreeMap<String, Count> labelled = new TreeMap<>();
        Map<Object, long[]> values = entries[metric.ordinal()];
        if (values != null) {
            values.forEach((label, e) -> labelled.put((String) label, Count.of(e[0], e[1])));
        }
        return labelled;
    }
}
