package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The district adopted a work model from a date. */
@Revision("1")
public record WorkModelAdopted(String district, String workModel, LocalDate effectiveFrom) implements DistrictRolloutEvent {
}
