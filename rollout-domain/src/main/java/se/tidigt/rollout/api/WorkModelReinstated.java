package se.tidigt.rollout.api;

import java.time.LocalDate;

/** The district reinstated a suspended work model from a date. */
public record WorkModelReinstated(String district, String workModel, LocalDate effectiveFrom) implements DistrictRolloutEvent {
}
