package se.tidigt.cases;

import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.Instant;

/** Checks shared by several commands. */
final class Rules {
    private Rules() {
    }

    static void require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidCaseInput(field, "is required");
        }
    }

    /** A district code is valid only within its validity dates (Järva, for one, exists from 2023-07-01). */
    static void checkDistrict(DistrictCalendar calendar, String field, String district, Instant at) {
        require(district, field);
        if (!calendar.isValidOn(district, se.tidigt.cases.api.Deadlines.localDate(at))) {
            throw new InvalidCaseInput(field, "district " + district + " is not valid on "
                    + se.tidigt.cases.api.Deadlines.localDate(at));
        }
    }
}
