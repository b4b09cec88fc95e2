package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** The district stops a work model in force, for a reason (the pilot stopped for budget and staff). */
public record SuspendWorkModel(@TargetAggregateIdentifier String district, String workModel, LocalDate effectiveFrom,
                               SuspensionReason reason, String note, @TargetAggregateVersion Long expectedVersion) {
}
