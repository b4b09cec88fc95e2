package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Starts an accepted offer's intervention. */
public record StartIntervention(@TargetAggregateIdentifier String caseId, String offerId, Instant startedAt, @TargetAggregateVersion Long expectedVersion) {
}
