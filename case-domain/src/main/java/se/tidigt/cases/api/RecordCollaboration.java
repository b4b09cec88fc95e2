package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Work with a partner such as preschool, school or police. */
public record RecordCollaboration(@TargetAggregateIdentifier String caseId, CollaborationPartner partner, CollaborationKind kind, Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
