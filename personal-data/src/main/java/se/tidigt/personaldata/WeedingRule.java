package se.tidigt.personaldata;

import se.tidigt.cases.api.Deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which case files are weeded in a calendar year: a file is weeded 5 years after its last entry, and
 * the weeding is completed in the calendar year after that (SoL 12:1, SoF 7:1), so in year Y the files
 * whose last entry was made before 1 January of Y-5 (Stockholm time) are due. Files of children born on
 * the 5th, 15th or 25th of a month are kept for research (SoF 7:2) and are not weeded.
 */
final class WeedingRule {
    private WeedingRule() {
    }

    /** Files whose last entry is before this instant are due in {@code year}. */
    static Instant lastEntryBefore(int year) {
        return LocalDate.of(year - 5, 1, 1).atStartOfDay(Deadlines.ZONE).toInstant();
    }
}
