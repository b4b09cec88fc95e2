package se.tidigt.query.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * Which cases (by the day and district of their concern, their work model and what the concern was
 * about) and how to group them. {@code from}/{@code to} are inclusive days, null for open. {@code
 * districts} null means all, else the codes to keep, matched against the district as it was and as it
 * is today (so "jarva" keeps Rinkeby-Kista's cases of 2022); {@code concerns} null means all, else a
 * case is kept when its concern names any of them (it still counts once); {@code historical} groups by
 * the district as it was instead of today's.
 */
public record StatsQuery(LocalDate from, LocalDate to, Set<String> districts, String workModel, Set<String> concerns,
                         boolean historical, Grouping groupBy) {

    public enum Grouping { NONE, DISTRICT, WORK_MODEL, MONTH }

    public StatsQuery onlyDistrict(String district) {
        return new StatsQuery(from, to, Set.of(district), workModel, concerns, historical, groupBy);
    }

    /** The same query over whole months: what protected readers get, so no day can be differenced out. */
    public StatsQuery wholeMonths() {
        return new StatsQuery(from == null ? null : from.withDayOfMonth(1),
                to == null ? null : YearMonth.from(to).atEndOfMonth(), districts, workModel, concerns, historical, groupBy);
    }

    boolean coversDay(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    boolean overlapsMonth(YearMonth month) {
        return (from == null || !month.atEndOfMonth().isBefore(from)) && (to == null || !month.atDay(1).isAfter(to));
    }

    boolean selectsConcerns(Set<String> kinds) {
        return concerns == null || kinds.stream().anyMatch(concerns::contains);
    }
}
