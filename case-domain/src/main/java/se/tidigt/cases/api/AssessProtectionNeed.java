package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The immediate protection assessment (skyddsbedömning). */
public record AssessProtectionNeed(@TargetAggregateIdentifier String caseId, Instant assessedAt, boolean immediateProtectionNeeded, @TargetAggregateVersion Long expectedVersion) {
}
