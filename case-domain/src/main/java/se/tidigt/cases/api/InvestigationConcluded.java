package se.tidigt.cases.api;

import java.time.Instant;

/** The investigation was concluded. */
public record InvestigationConcluded(String caseId, String district, Instant occurredAt, InvestigationOutcome outcome) implements CaseEvent {
}
