package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An approved plan scheduled the district's adoption. */
@Revision("1")
public record AdoptionPlanned(String district, String workModel, LocalDate effectiveFrom, String planId, int wave) implements DistrictRolloutEvent {
}
