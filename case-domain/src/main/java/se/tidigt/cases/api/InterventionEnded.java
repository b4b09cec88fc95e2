package se.tidigt.cases.api;

import java.time.Instant;

/** An intervention ended. */
public record InterventionEnded(String caseId, String district, Instant occurredAt, String offerId, InterventionEndOutcome outcome) implements CaseEvent {
}
