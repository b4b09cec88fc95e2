package se.tidigt.query.stats;

/**
 * Whether the statistics' facts are being rebuilt from the events on this instance (a replay of the
 * {@code case-statistics} projection): until it ends they hold part of the events only. Provided by the
 * platform, which runs replays; without it, never.
 */
public interface StatisticsRebuild {
    /** The processing group whose replay rebuilds the facts. */
    String PROCESSING_GROUP = CaseFactsProjection.PROCESSING_GROUP;

    boolean running();
}
