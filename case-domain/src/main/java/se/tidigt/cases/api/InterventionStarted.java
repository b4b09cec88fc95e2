package se.tidigt.cases.api;

import java.time.Instant;

/** An accepted intervention started. */
public record InterventionStarted(String caseId, String district, Instant occurredAt, String offerId) implements CaseEvent {
}
