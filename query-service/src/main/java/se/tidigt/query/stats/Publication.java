package se.tidigt.query.stats;

import se.tidigt.query.stats.protection.CellKeyMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts one answer publishes to a reader other than the district itself. A published count is the
 * count of a window of months of a <em>series</em> (the records its row selects, over every month): with C
 * the series' count before the window and n the window's, it is k·(⌊(C + n)/k + u⌋ − ⌊C/k + u⌋), u uniform
 * from the cell key of the series' records. That is random rounding to multiples of k of the series' running
 * count (unbiased, never more than k − 1 off, however many months or districts it covers), and every
 * published count, and so every sum or difference of them, is a multiple of k: no differencing of answers
 * gives back a count from 1 to k − 1. The same records always get the same count. Then parts are lowered to
 * their totals (and offers raised to accepted + declined), so totals and parts agree; every step is a function
 * of the published counts alone. docs/statistics.md, "Disclosure control".
 */
final class Publication {
    /** Means, medians and percentiles rest on at least this many records for readers other than the district. */
    static final int MIN_RECORDS = 10;
    /** A published percentile is the mean of this many records around its rank, rounded (never one child's value). */
    static final int PERCENTILE_WINDOW = 5;
    /**
     * A share is published from its exact records, in steps of whole percentage points, when its true denominator
     * n is at least above this: in steps of s points with s·n &gt; 200 it fits at least two numerators for every
     * denominator, so value × n gives back no count. docs/statistics.md, "Rates and intervals".
     */
    static final int RATE_FROM_RECORDS = 100;
    /** The largest step (whole percentage points) a share from its records is published in: errs by at most 1 point. */
    static final int MAX_RATE_STEP = 2;

    private final CellKeyMethod cellKey;
    private final Map<Count, Long> published = new HashMap<>();
    /** Part ≤ total, in the order they were declared; {@link #settle} applies them until none moves. */
    private final List<Count[]> partOfTotal = new ArrayList<>();
    /** Total ≥ sum of parts (offers ≥ accepted + declined). */
    private final List<Count[]> totalOfParts = new ArrayList<>();

    Publication(CellKeyMethod cellKey) {
        this.cellKey = cellKey;
    }

    int threshold() {
        return cellKey.threshold();
    }

    /**
     * Fixes the published value of a window's count from the same figure over the series before the window
     * and over the whole series (null: none). A count of parts is fixed part by part.
     */
    void define(Count window, Count before, Count whole) {
        if (!window.parts().isEmpty()) {
            for (int i = 0; i < window.parts().size(); i++) {
                define(window.parts().get(i), part(before, i), part(whole, i));
            }
            return;
        }
        published.computeIfAbsent(Count.of(window.n(), window.key()), w -> rounded(window.n(),
                before == null ? 0 : before.n(), whole == null ? window.key() : whole.key()));
    }

    private static Count part(Count count, int i) {
        return count == null || count.parts().size() <= i ? null : count.parts().get(i);
    }

    /** k·(⌊(C + n)/k + u⌋ − ⌊C/k + u⌋) with u from the series' cell key. */
    long rounded(long n, long before, long seriesKey) {
        long k = cellKey.threshold();
        double u = (Math.floorMod(seriesKey, Count.KEY_SPACE) + 0.5) / Count.KEY_SPACE;
        return k * ((long) Math.floor((double) (before + n) / k + u) - (long) Math.floor((double) before / k + u));
    }

    /**
     * The step, in whole percentage points, in which a share with these published counts is published from its
     * exact records, or 0: published as the ratio of its published counts. The true denominator is above the
     * published one less k; the step s is the smallest with s × that &gt; 200, at most {@link #MAX_RATE_STEP}; the
     * published numerator and the rest of the denominator must each reach {@link #MIN_RECORDS} (so no count from
     * 1 to k − 1 lies behind a share near 0 or 1). Decided from published counts alone.
     */
    int rateStep(long numerator, long denominator) {
        long smallest = denominator - (threshold() - 1);
        if (smallest <= RATE_FROM_RECORDS || numerator < MIN_RECORDS || denominator - numerator < MIN_RECORDS) {
            return 0;
        }
        long step = 200 / smallest + 1;
        return step <= MAX_RATE_STEP ? (int) step : 0;
    }

    /** A count as published: a count of parts is the sum of its parts as published. */
    long count(Count count) {
        if (!count.parts().isEmpty()) {
            long sum = 0;
            for (Count part : count.parts()) {
                sum += count(part);
            }
            return sum;
        }
        if (count.n() == 0) {
            return 0;
        }
        Long value = published.get(Count.of(count.n(), count.key()));
        if (value == null) {
            throw new IllegalStateException("A count was published without its series");
        }
        return value;
    }

    /** {@code part} is a subset of {@code total}'s records: never published above it. */
    void partOf(Count part, Count total) {
        if (part.parts().isEmpty()) {
            partOfTotal.add(new Count[]{part, total});
        }
    }

    /** {@code parts} are disjoint subsets of {@code total}'s records: it is never published below their sum. */
    void totalOf(Count total, Count... parts) {
        Count[] entry = new Count[parts.length + 1];
        entry[0] = total;
        System.arraycopy(parts, 0, entry, 1, parts.length);
        totalOfParts.add(entry);
    }

    /** Applies the consistency rules to the published counts until they all hold. */
    void settle() {
        boolean moved = true;
        for (int round = 0; moved && round < 100; round++) {
            moved = false;
            for (Count[] rule : partOfTotal) {
                long part = count(rule[0]);
                long total = count(rule[1]);
                if (part > total) {
                    published.put(Count.of(rule[0].n(), rule[0].key()), total);
                    moved = true;
                }
            }
            for (Count[] rule : totalOfParts) {
                long sum = 0;
                for (int i = 1; i < rule.length; i++) {
                    sum += count(rule[i]);
                }
                if (count(rule[0]) < sum && rule[0].parts().isEmpty()) {
                    published.put(Count.of(rule[0].n(), rule[0].key()), sum);
                    moved = true;
                }
            }
        }
    }

    /** The protection's variance of a count as published, as a reader can bound it (the sum of its parts' when it has parts). */
    double variance(Count count) {
        if (!count.parts().isEmpty()) {
            double sum = 0;
            for (Count part : count.parts()) {
                sum += variance(part);
            }
            return sum;
        }
        double k = cellKey.threshold();
        return k * k / 4; // random rounding to base k: k²·f(1 − f) for the unknown fraction f, at most k²/4
    }

    /**
     * The mean of the {@link #PERCENTILE_WINDOW} values around a rank (1-based) of a histogram of records,
     * rounded to a whole unit: what a reader other than the district is shown for a percentile. Null with
     * fewer records than the window.
     */
    static Double smoothed(TreeMap<Long, Count> histogram, long rank, long records) {
        if (records < PERCENTILE_WINDOW) {
            return null;
        }
        long low = Math.min(Math.max(1, rank - PERCENTILE_WINDOW / 2), records - PERCENTILE_WINDOW + 1);
        long high = low + PERCENTILE_WINDOW - 1;
        long seen = 0;
        long sum = 0;
        for (Map.Entry<Long, Count> e : histogram.entrySet()) {
            long first = seen + 1;
            seen += e.getValue().n();
            long overlap = Math.min(seen, high) - Math.max(first, low) + 1;
            if (overlap > 0) {
                sum += overlap * e.getKey();
            }
        }
        return (double) Math.round((double) sum / PERCENTILE_WINDOW);
    }
}
