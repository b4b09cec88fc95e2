package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answer computed fact by fact, as it was before cell summaries: every case filtered and grouped,
 * every figure counted over the group's cases: the independent oracle that the answers from cell summaries
 * are proven equal to ({@code CellSummariesTest}).
 */
final class FactByFactStatistics {
    private final DistrictCrosswalk crosswalk;
    private final CellKeyMethod cellKey;

    FactByFactStatistics(DistrictCrosswalk crosswalk, CellKeyMethod cellKey) {
        this.crosswalk = crosswalk;
        this.cellKey = cellKey;
    }

    List<ObjectNode> build(List<CaseFact> all, List<CaseFacts.OpenAccessCount> openAccess, StatsQuery query,
                           boolean protect, LocalDate today) {
        ChildHistories children = new ChildHistories(all, today);
        Tally tally = new Tally(protect ? cellKey.keys() : RecordKeys.NONE);
        // Today's district of each code, looked up once per answer rather than once per case.
        Map<String, String> successors = new HashMap<>();
        Function<String, String> todayOf = code -> successors.computeIfAbsent(code, crosswalk::todayOf);
        Function<String, String> shown = code -> query.historical() ? code : todayOf.apply(code);
        List<CaseFact> selected = all.stream().filter(c -> selects(query, c, todayOf)).toList();
        Map<String, List<CaseFact>> groups = new TreeMap<>(selected.stream()
                .collect(Collectors.groupingBy(c -> key(query.groupBy(), c, shown))));
        List<ObjectNode> rows = new ArrayList<>();
        groups.forEach((key, cases) -> {
            ObjectNode tree = FactByFactFigures.of(tally, cases, children, today);
            tree.set("openAccessSupport", Rows.openAccess(tally, query, key, openAccess, shown));
            Resolution resolution = Resolution.exact();
            if (protect) {
                StatsQuery beforeQuery = Rows.before(query, key);
                StatsQuery wholeQuery = Rows.whole(query);
                Function<CaseFact, Boolean> inSeries = c -> selects(wholeQuery, c, todayOf)
                        && (query.groupBy() == StatsQuery.Grouping.MONTH || key.equals(key(query.groupBy(), c, shown)));
                List<CaseFact> series = all.stream().filter(inSeries::apply).toList();
                ObjectNode before = FactByFactFigures.of(tally, series.stream()
                        .filter(c -> beforeQuery.coversDay(Stats.date(c.receivedAt()))).toList(), children, today);
                before.set("openAccessSupport", Rows.openAccess(tally, beforeQuery, key, openAccess, shown));
                ObjectNode whole = FactByFactFigures.of(tally, series, children, today);
                whole.set("openAccessSupport", Rows.openAccess(tally, wholeQuery, key, openAccess, shown));
                resolution = Resolution.protectedBy(new Publication(cellKey), before, whole);
            }
            rows.add(Rows.row(query, protect, key, tree, resolution, cellKey));
        });
        return rows;
    }

    private static boolean selects(StatsQuery q, CaseFact c, Function<String, String> todayOf) {
        return q.coversDay(Stats.date(c.receivedAt()))
                && (q.districts() == null || q.districts().contains(c.district())
                        || q.districts().contains(todayOf.apply(c.district())))
                && (q.workModel() == null || q.workModel().equals(c.workModel()))
                && q.selectsConcerns(c.concerns());
    }

    private static String key(StatsQuery.Grouping grouping, CaseFact c, Function<String, String> district) {
        return switch (grouping) {
            case DISTRICT -> district.apply(c.district());
            case WORK_MODEL -> c.workModel();
            case MONTH -> c.concernMonth().toString();
            case NONE -> "all";
        };
    }

}
