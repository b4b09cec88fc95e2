package se.tidigt.cases.api;

import java.time.Instant;
import java.time.YearMonth;

/** A district recorded {@code count} more open-access support of a kind in a month. */
public record OpenAccessSupportRecorded(String tallyId, String district, YearMonth month, OpenAccessKind kind,
                                        int count, Instant occurredAt) {
}
