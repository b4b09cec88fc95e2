package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The district suspended a work model from a date. */
@Revision("1")
public record WorkModelSuspended(String district, String workModel, LocalDate effectiveFrom, SuspensionReason reason, String note) implements DistrictRolloutEvent {
}
