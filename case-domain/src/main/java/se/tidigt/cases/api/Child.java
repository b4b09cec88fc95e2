package se.tidigt.cases.api;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

/**
 * The child as the platform knows it: a keyed pseudonym (the same child always gets the same one),
 * the birth month (for ages) and whether the file is kept for research when the rest is weeded.
 * The personal identity number itself is never part of it.
 */
public record Child(String pseudonym, YearMonth birthMonth, boolean keptForResearch) {

    /**
     * Age in whole years on a date. Only the birth month is kept, so the child is taken to be born on
     * the month's last day: the age is never overstated, and a rule such as "from age 12" is never
     * applied to a child who might still be 11.
     */
    public int ageInYearsOn(LocalDate date) {
        LocalDate latestPossibleBirth = birthMonth.atEndOfMonth();
        if (date.isBefore(latestPossibleBirth)) {
            return 0;
        }
        return Period.between(latestPossibleBirth, date).getYears();
    }
}
