package se.tidigt.gateway.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** How the API's value types are written, for error messages. */
final class TimeFormats {
    private TimeFormats() {
    }

    static String describe(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2024-03-05T09:30:00Z";
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == YearMonth.class) {
            return "a month YYYY-MM";
        }
        return "a valid " + type.getSimpleName();
    }

    static String jsonName(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        return "number";
    }
}
