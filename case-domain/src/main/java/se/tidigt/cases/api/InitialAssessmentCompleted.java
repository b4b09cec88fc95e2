package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The initial assessment was completed with a decision. */
@Revision("1")
public record InitialAssessmentCompleted(String caseId, String district, Instant occurredAt, InitialAssessmentDecision decision) implements CaseEvent {
}
