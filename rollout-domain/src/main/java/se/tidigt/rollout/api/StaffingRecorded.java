package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.math.BigDecimal;

/** Budgeted and filled full-time posts from a date. */
@Revision("1")
public record StaffingRecorded(String district, LocalDate effectiveFrom, BigDecimal budgetedFte, BigDecimal filledFte) implements DistrictRolloutEvent {
}
