package se.tidigt.query.stats;

import java.time.YearMonth;
import java.util.Set;

/**
 * Which cases (by the month and district of their concern, their work model and what the concern
 * was about) and how to group them. {@code districts} null means all, else the codes to keep, matched
 * against the district as it was and as it is today (so "jarva" keeps Rinkeby-Kista's cases of 2022);
 * {@code historical} groups by the district as it was instead of today's.
 */
public record StatsQuery(YearMonth from, YearMonth to, Set<String> districts, String workModel, String concern,
                         boolean historical, Grouping groupBy) {

    public enum Grouping { NONE, DISTRICT, WORK_MODEL, MONTH }

    public StatsQuery onlyDistrict(String district) {
        return new StatsQuery(from, to, Set.of(district), workModel, concern, historical, groupBy);
    }
}
