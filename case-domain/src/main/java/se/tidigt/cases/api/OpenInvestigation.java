package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Opens the investigation (utredning), due four months later. */
public record OpenInvestigation(@TargetAggregateIdentifier String caseId, Instant openedAt, @TargetAggregateVersion Long expectedVersion) {
}
