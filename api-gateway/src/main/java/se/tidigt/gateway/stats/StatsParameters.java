package se.tidigt.gateway.stats;

import se.tidigt.cases.api.ConcernKind;
import se.tidigt.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The query parameters every /stats endpoint shares: {@code from}/{@code to} as months or days, {@code concern=}. */
final class StatsParameters {
    private StatsParameters() {
    }

    /** YYYY-MM (its first day) or YYYY-MM-DD. */
    static LocalDate from(String value) {
        return day(value, "from", true);
    }

    /** YYYY-MM (its last day) or YYYY-MM-DD, inclusive. */
    static LocalDate to(String value) {
        return day(value, "to", false);
    }

    static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
    }

    private static LocalDate day(String value, String field, boolean first) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 7) {
                YearMonth month = YearMonth.parse(value);
                return first ? month.atDay(1) : month.atEndOfMonth();
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be a month (YYYY-MM) or a date (YYYY-MM-DD)");
        }
    }

    /** One kind or several separated by commas; null for all. */
    static Set<String> concerns(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : value.split(",")) {
            String trimmed = kind.trim();
            if (Arrays.stream(ConcernKind.values()).noneMatch(k -> k.name().equals(trimmed))) {
                throw ApiProblem.invalid("concern", "must be one or more of " + Arrays.toString(ConcernKind.values())
                        + ", separated by commas");
            }
            kinds.add(trimmed);
        }
        return kinds;
    }

    /** The months before adoption left out of the base: a whole number from 0 to 12. */
    static int anticipation(String value) {
        try {
            int months = Integer.parseInt(value.trim());
            if (months >= 0 && months <= se.tidigt.query.stats.effect.EffectQuery.MAX_ANTICIPATION) {
                return months;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("anticipation", "must be a whole number of months from 0 to "
                + se.tidigt.query.stats.effect.EffectQuery.MAX_ANTICIPATION);
    }
}
