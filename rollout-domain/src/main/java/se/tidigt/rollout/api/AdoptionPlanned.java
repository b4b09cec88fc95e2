package se.tidigt.rollout.api;

import java.time.LocalDate;

/** An approved plan scheduled the district's adoption. */
public record AdoptionPlanned(String district, String workModel, LocalDate effectiveFrom, String planId, int wave) implements DistrictRolloutEvent {
}
