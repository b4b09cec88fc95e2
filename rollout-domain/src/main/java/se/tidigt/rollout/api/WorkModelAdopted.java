package se.tidigt.rollout.api;

import java.time.LocalDate;

/** The district adopted a work model from a date. */
public record WorkModelAdopted(String district, String workModel, LocalDate effectiveFrom) implements DistrictRolloutEvent {
}
