package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Records that the child was placed out of home; the placement id is chosen by the caller. {@code compulsory}:
 * care under LVU rather than with the family's consent (SoL).
 */
public record StartPlacement(@TargetAggregateIdentifier String caseId, String placementId, Instant startedAt,
                             PlacementKind kind, Boolean compulsory, @TargetAggregateVersion Long expectedVersion) {
}
