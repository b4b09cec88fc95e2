package se.tidigt.rollout.district;

import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.rollout.api.InvalidRolloutInput;

import java.time.LocalDate;

/** Input checks of the district rollout. */
final class Validity {
    private Validity() {
    }

    static void require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidRolloutInput(field, "is required");
        }
    }

    /** A district's rollout dates lie within the district's own validity (Järva exists from 2023-07-01). */
    static void check(DistrictCatalogue districts, String district, LocalDate date, String field) {
        if (districts.find(district).isEmpty()) {
            throw new InvalidRolloutInput("district", "unknown district " + district);
        }
        require(date, field);
        if (!districts.isValidOn(district, date)) {
            throw new InvalidRolloutInput(field, "district " + district + " is not valid on " + date);
        }
    }
}
