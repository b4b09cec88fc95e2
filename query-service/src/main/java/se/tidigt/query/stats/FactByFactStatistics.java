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
 * every figure counted over the group's cases. Kept
 * unchanged as the independent oracle ({@link CaseStatistics#reference}) that the summary answers are
 * proven equal to, and as the path behind {@code tidigt.stats.summaries=false}.
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
            tree.set("openAccessSupport", openAccess(tally, query, key, openAccess, shown));
            Resolution resolution = Resolution.exact();
            if (protect) {
                StatsQuery beforeQuery = before(query, key);
                StatsQuery wholeQuery = whole(query);
                Function<CaseFact, Boolean> inSeries = c -> selects(wholeQuery, c, todayOf)
                        && (query.groupBy() == StatsQuery.Grouping.MONTH || key.equals(key(query.groupBy(), c, shown)));
                List<CaseFact> series = all.stream().filter(inSeries::apply).toList();
                ObjectNode before = FactByFactFigures.of(tally, series.stream()
                        .filter(c -> beforeQuery.coversDay(Stats.date(c.receivedAt()))).toList(), children, today);
                before.set("openAccessSupport", openAccess(tally, beforeQuery, key, openAccess, shown));
                ObjectNode whole = FactByFactFigures.of(tally, series, children, today);
                whole.set("openAccessSupport", openAccess(tally, wholeQuery, key, openAccess, shown));
                resolution = Resolution.protectedBy(new Publication(cellKey), before, whole);
            }
            rows.add(row(query, protect, key, tree, resolution, cellKey));
        });
        return rows;
    }

    /** One row as the reader sees it: the group, the resolved figures and (protected) what was withheld and how. */
    static ObjectNode row(StatsQuery query, boolean protect, String key, ObjectNode tree, Resolution resolution,
                          CellKeyMethod cellKey) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.set("group", group(query.groupBy(), key));
        row.setAll(resolution.resolve(tree));
        if (protect) {
            row.put("suppressed", !resolution.withheld().isEmpty());
            ArrayNode fields = row.putArray("suppressedFields");
            resolution.withheld().forEach(fields::add);
            row.set("protection", cellKey.describe(CaseStatistics.CELLS, query.from(), query.to(), true));
        }
        return row;
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

    private static ObjectNode group(StatsQuery.Grouping grouping, String key) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        switch (grouping) {
            case DISTRICT -> group.put("district", key);
            case WORK_MODEL -> group.put("workModel", key);
            case MONTH -> group.put("month", key);
            case NONE -> group.put("all", true);
        }
        return group;
    }

    /** The query of a protected row's series before its window: every earlier month (a month row: before that month). */
    static StatsQuery before(StatsQuery q, String key) {
        if (q.groupBy() == StatsQuery.Grouping.MONTH) {
            return new StatsQuery(null, java.time.YearMonth.parse(key).atDay(1).minusDays(1), q.districts(), q.workModel(),
                    q.concerns(), q.historical(), StatsQuery.Grouping.NONE);
        }
        return new StatsQuery(null, q.from() == null ? LocalDate.MIN : q.from().minusDays(1), q.districts(), q.workModel(),
                q.concerns(), q.historical(), q.groupBy());
    }

    /** The query of a protected row's whole series: every month (a month row: the whole selection). */
    static StatsQuery whole(StatsQuery q) {
        return new StatsQuery(null, null, q.districts(), q.workModel(), q.concerns(), q.historical(),
                q.groupBy() == StatsQuery.Grouping.MONTH ? StatsQuery.Grouping.NONE : q.groupBy());
    }

    /**
     * Open-access support has no work model or concern: counted by district and month only (a month
     * counts when it overlaps the period), each district-month-kind tally a part of its own.
     */
    static ObjectNode openAccess(Tally tally, StatsQuery q, String key, List<CaseFacts.OpenAccessCount> counts,
                                 Function<String, String> district) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (q.groupBy() == StatsQuery.Grouping.WORK_MODEL || q.workModel() != null || q.concerns() != null) {
            return node;
        }
        Map<String, List<Count>> byKind = new TreeMap<>();
        counts.stream()
                .filter(c -> q.overlapsMonth(c.month()))
                .filter(c -> q.districts() == null || q.districts().contains(c.district())
                        || q.districts().contains(district.apply(c.district())))
                .filter(c -> q.groupBy() != StatsQuery.Grouping.DISTRICT || district.apply(c.district()).equals(key))
                .filter(c -> q.groupBy() != StatsQuery.Grouping.MONTH || c.month().toString().equals(key))
                .forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>())
                        .add(tally.tally(c.district() + "|" + c.month() + "|" + c.kind(), c.count())));
        byKind.forEach((kind, parts) -> {
            Count sum = Count.sum(parts.toArray(Count[]::new));
            node.set(kind, Tally.node(Count.of(sum.n(), sum.key())));
        });
        return node;
    }
}
