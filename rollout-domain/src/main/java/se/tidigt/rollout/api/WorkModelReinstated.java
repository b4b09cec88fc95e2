package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The district reinstated a suspended work model from a date. */
@Revision("1")
public record WorkModelReinstated(String district, String workModel, LocalDate effectiveFrom) implements DistrictRolloutEvent {
}
