package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** The district takes a suspended work model up again. */
public record ReinstateWorkModel(@TargetAggregateIdentifier String district, String workModel, LocalDate effectiveFrom,
                                 @TargetAggregateVersion Long expectedVersion) {
}
