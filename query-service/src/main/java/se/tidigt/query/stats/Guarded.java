package se.tidigt.query.stats;

/**
 * A value read from individual records (a median, a percentile, a mean, a design effect) and its
 * support: how many records lie at or below it and at or above it, the smaller of the two (for a
 * mean, all of them). Protected readers see it only when the support and the figure's protected n
 * both reach the threshold (docs/statistics.md, "Disclosure control").
 */
public record Guarded(Double value, long support) {
}
