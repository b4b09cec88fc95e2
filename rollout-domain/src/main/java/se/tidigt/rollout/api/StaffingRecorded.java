package se.tidigt.rollout.api;

import java.time.LocalDate;
import java.math.BigDecimal;

/** Budgeted and filled full-time posts from a date. */
public record StaffingRecorded(String district, LocalDate effectiveFrom, BigDecimal budgetedFte, BigDecimal filledFte) implements DistrictRolloutEvent {
}
