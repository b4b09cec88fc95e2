package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Concludes the investigation with its outcome. */
public record ConcludeInvestigation(@TargetAggregateIdentifier String caseId, Instant concludedAt, InvestigationOutcome outcome, @TargetAggregateVersion Long expectedVersion) {
}
