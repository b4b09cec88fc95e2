package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** An approved rollout plan puts the district's adoption in its calendar. */
public record PlanAdoption(@TargetAggregateIdentifier String district, String workModel, LocalDate effectiveFrom,
                           String planId, int wave, @TargetAggregateVersion Long expectedVersion) {
}
