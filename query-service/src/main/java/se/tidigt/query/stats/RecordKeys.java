package se.tidigt.query.stats;

/**
 * A record's key for the cell-key method: a number in [0, 2³²) fixed for the record and unknown to
 * readers (derived with the deployment's secret). {@link #NONE} is for readers who see exact counts.
 */
public interface RecordKeys {
    RecordKeys NONE = id -> 0L;

    long of(String recordId);
}
