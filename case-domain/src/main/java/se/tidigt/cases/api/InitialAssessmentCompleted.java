package se.tidigt.cases.api;

import java.time.Instant;

/** The initial assessment was completed with a decision. */
public record InitialAssessmentCompleted(String caseId, String district, Instant occurredAt, InitialAssessmentDecision decision) implements CaseEvent {
}
