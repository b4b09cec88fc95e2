package se.tidigt.cases.api;

import java.time.Instant;

/** An intervention was offered to the family. */
public record InterventionOffered(String caseId, String district, Instant occurredAt, String offerId, InterventionType interventionType) implements CaseEvent {
}
