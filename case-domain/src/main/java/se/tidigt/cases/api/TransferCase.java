package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The family moved: the case continues in another district. */
public record TransferCase(@TargetAggregateIdentifier String caseId, String toDistrict, Instant transferredAt, @TargetAggregateVersion Long expectedVersion) {
}
