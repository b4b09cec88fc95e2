package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.math.BigDecimal;

/** Budgeted and filled full-time posts from a date. */
public record RecordStaffing(@TargetAggregateIdentifier String district, LocalDate effectiveFrom, BigDecimal budgetedFte,
                             BigDecimal filledFte, @TargetAggregateVersion Long expectedVersion) {
}
