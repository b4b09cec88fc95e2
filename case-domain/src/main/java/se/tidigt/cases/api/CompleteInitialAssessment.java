package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The initial assessment (förhandsbedömning) and its decision. */
public record CompleteInitialAssessment(@TargetAggregateIdentifier String caseId, Instant completedAt, InitialAssessmentDecision decision, @TargetAggregateVersion Long expectedVersion) {
}
