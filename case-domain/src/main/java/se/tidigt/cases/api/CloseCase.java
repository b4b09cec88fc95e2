package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Closes the case; nothing can be recorded after this. */
public record CloseCase(@TargetAggregateIdentifier String caseId, Instant closedAt, ClosureReason reason, @TargetAggregateVersion Long expectedVersion) {
}
