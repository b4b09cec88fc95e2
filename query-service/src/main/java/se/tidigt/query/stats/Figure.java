package se.tidigt.query.stats;

import java.util.Map;

/**
 * A figure of a group before it is published: what the output rules ({@link Resolution}) take, and how
 * they protect it is decided by its type, never by the name it is shown under. A {@link Count} of records,
 * a {@link Share} (a rate of two counts), a {@link Funnel}, {@link Placements}, counts keyed by values found in the records
 * ({@link ValueKeyed}), or a value read from records ({@link Guarded}).
 */
sealed interface Figure permits Count, Guarded, Share, Funnel, Placements, ValueKeyed {
    /**
     * The counts this figure publishes, each under a name that pairs it with the same count of the same figure
     * over the row's series (the names are the figure's own, in the order they are shown).
     */
    Map<String, Count> counts();

    /** The same figure over two disjoint sets of records (the running series of monthly rows). */
    Figure plus(Figure other);
}
