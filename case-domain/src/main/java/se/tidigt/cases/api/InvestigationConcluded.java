package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The investigation was concluded. */
@Revision("1")
public record InvestigationConcluded(String caseId, String district, Instant occurredAt, InvestigationOutcome outcome) implements CaseEvent {
}
