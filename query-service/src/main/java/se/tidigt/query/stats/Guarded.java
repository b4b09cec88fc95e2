package se.tidigt.query.stats;

import java.util.Map;

/**
 * A value read from individual records (a median, a percentile, a mean, a design effect): the exact
 * value (for the district itself), what other readers may be shown instead ({@code published}: a
 * percentile smoothed over {@link Publication#PERCENTILE_WINDOW} neighbouring records and rounded, a mean or
 * design effect rounded to one decimal, so it is neither one child's value nor a ratio that gives back a
 * count), the records it rests on, and its support: how many records lie at or below it and at or above it,
 * the smaller of the two (for a mean, all of them). {@code n}: the count its figure publishes beside it (null:
 * none), whose published value must also reach the minimum. docs/statistics.md, "Means, medians and percentiles".
 */
public record Guarded(Double value, long support, long records, Double published, Count n) implements Figure {
    /** Nothing to show (no records). */
    static Guarded none() {
        return new Guarded(null, 0, 0, null, null);
    }

    /** A mean or a design effect over {@code records} records: published rounded to one decimal. */
    static Guarded ratio(Double value, long records) {
        return new Guarded(value, records, records, value == null ? null : Math.round(value * 10) / 10.0, null);
    }

    /** The same value, shown beside the count {@code n} of its figure. */
    Guarded beside(Count n) {
        return new Guarded(value, support, records, published, n);
    }

    @Override
    public Map<String, Count> counts() {
        return Map.of();
    }

    /** A read value does not add up: the series' figures are read for their counts only. */
    @Override
    public Guarded plus(Figure other) {
        return none();
    }
}
