package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.YearMonth;

/** A district recorded {@code count} more open-access support of a kind in a month. */
@Revision("1")
public record OpenAccessSupportRecorded(String tallyId, String district, YearMonth month, OpenAccessKind kind,
                                        int count, Instant occurredAt) {
}
