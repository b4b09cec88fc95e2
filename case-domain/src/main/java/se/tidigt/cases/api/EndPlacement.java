package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Records that an out-of-home placement ended. */
public record EndPlacement(@TargetAggregateIdentifier String caseId, String placementId, Instant endedAt,
                           @TargetAggregateVersion Long expectedVersion) {
}
