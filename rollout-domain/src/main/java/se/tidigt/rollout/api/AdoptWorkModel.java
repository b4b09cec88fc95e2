package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** The district takes up a work model from a date. */
public record AdoptWorkModel(@TargetAggregateIdentifier String district, String workModel, LocalDate effectiveFrom,
                             @TargetAggregateVersion Long expectedVersion) {
}
