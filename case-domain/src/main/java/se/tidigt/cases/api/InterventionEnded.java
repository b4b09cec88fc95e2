package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An intervention ended. */
@Revision("1")
public record InterventionEnded(String caseId, String district, Instant occurredAt, String offerId, InterventionEndOutcome outcome) implements CaseEvent {
}
