package se.tidigt.cases.api;

import java.time.LocalDate;

/**
 * Which district codes exist on which dates. The case aggregate asks it before accepting a district;
 * the application provides it from the city's district configuration (the rollout domain owns that list,
 * and the two domains do not know each other).
 */
public interface DistrictCalendar {
    boolean isValidOn(String district, LocalDate date);
}
