package se.tidigt.rollout.api;

import java.time.LocalDate;

/** The district suspended a work model from a date. */
public record WorkModelSuspended(String district, String workModel, LocalDate effectiveFrom, SuspensionReason reason, String note) implements DistrictRolloutEvent {
}
