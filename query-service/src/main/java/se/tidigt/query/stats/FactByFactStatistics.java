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
 * The answer computed fact by fact: every case filtered and grouped,
 * every figure counted over the group's cases, and (protected) every cell's cases counted again. Kept
 * unchanged as the independent oracle ({@link CaseStatistics#reference}) that the summary answers are
 * proven equal to.
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
            Resolution resolution = protect
                    ? new Resolution(perturbedByCell(tally, cases, children, today), cellKey.threshold())
                    : new Resolution((path, count) -> count.n(), 0);
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

    /**
     * Every count of the group as the sum of its cells' perturbed counts. Counts that are not case
     * figures (open-access tallies) are perturbed part by part through their own composite counts.
     */
    private Resolution.Counter perturbedByCell(Tally tally, List<CaseFact> cases, ChildHistories children, LocalDate today) {
        Map<String, Long> sums = new HashMap<>();
        Map<String, List<CaseFact>> cells = cases.stream().collect(Collectors.groupingBy(
                c -> c.district() + "|" + c.concernMonth() + "|" + c.workModel()));
        cells.values().forEach(cell -> new Resolution((path, count) -> {
            sums.merge(path, cellKey.perturb(count), Long::sum);
            return count.n();
        }, 0).resolve(FactByFactFigures.of(tally, cell, children, today)));
        return (path, count) -> sums.containsKey(path) ? sums.get(path) : cellKey.perturb(count);
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
        byKind.forEach((kind, parts) -> node.set(kind, Tally.node(Count.sum(parts.toArray(Count[]::new)))));
        return node;
    }
}
