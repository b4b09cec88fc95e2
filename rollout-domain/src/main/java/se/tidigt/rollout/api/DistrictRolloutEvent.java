package se.tidigt.rollout.api;

import java.time.LocalDate;

/** Every fact of a district's rollout says which district, and from which date it holds. */
public interface DistrictRolloutEvent {
    String district();

    LocalDate effectiveFrom();
}
