package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** The district's delegation was changed, in force from {@code effectiveFrom}; recorded at {@code occurredAt}. */
@Revision("1")
public record DelegationChanged(String delegationId, String district, LocalDate effectiveFrom, Delegation delegation,
                                Instant occurredAt) {
}
