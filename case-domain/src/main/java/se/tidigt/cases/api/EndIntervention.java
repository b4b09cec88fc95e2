package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Ends a started intervention. */
public record EndIntervention(@TargetAggregateIdentifier String caseId, String offerId, Instant endedAt, InterventionEndOutcome outcome, @TargetAggregateVersion Long expectedVersion) {
}
