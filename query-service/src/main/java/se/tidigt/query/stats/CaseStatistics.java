package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of docs/statistics.md for any selection of cases, one row per group: exact for a
 * district reading itself, protected by the cell-key method for everyone else.
 */
@Service
public class CaseStatistics {
    /** The cells every protected count is summed from (docs/statistics.md, "Disclosure control"). */
    public static final String CELLS = "district (as it was) × month of the concern × work model; a figure is the sum of "
            + "its cells' perturbed counts, so differencing periods, districts or work models gives back only perturbed cells";

    private final CaseFacts facts;
    private final DistrictCrosswalk crosswalk;
    private final CellKeyMethod cellKey;
    private final Clock clock;
    /** {@link StatisticsCache#disabled()}: every request computes from the facts (plain-object tests). */
    private final StatisticsCache cache;

    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock) {
        this(facts, crosswalk, cellKey, clock, StatisticsCache.disabled());
    }

    @org.springframework.beans.factory.annotation.Autowired
    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock, StatisticsCache cache) {
        this.facts = facts;
        this.crosswalk = crosswalk;
        this.cellKey = cellKey;
        this.clock = clock;
        this.cache = cache;
    }

    /** What an answer depends on besides the facts: the query, who reads it, and the day (right-censoring, deadlines). */
    private record Asked(StatsQuery query, boolean protect, LocalDate today) {
    }

    /** Exact figures: for a district user reading their own district. */
    public List<ObjectNode> rows(StatsQuery query) {
        return cached(query, false);
    }

    /** Protected figures: every count perturbed cell by cell, the period widened to whole months. */
    public List<ObjectNode> protectedRows(StatsQuery query) {
        return cached(query.wholeMonths(), true);
    }

    private List<ObjectNode> cached(StatsQuery query, boolean protect) {
        LocalDate today = LocalDate.now(clock.withZone(Stats.ZONE));
        return cache.answer(new Asked(query, protect, today), () -> build(cache.facts(facts), query, protect, today));
    }

    /**
     * The figures computed afresh from every case fact, bypassing the cache: the reference the served
     * answers are compared with ({@code StatisticsCacheApiTest}). {@code protect} as {@link #protectedRows}.
     */
    public List<ObjectNode> reference(StatsQuery query, boolean protect) {
        return build(facts.all(), protect ? query.wholeMonths() : query, protect, LocalDate.now(clock.withZone(Stats.ZONE)));
    }

    private List<ObjectNode> build(List<CaseFact> all, StatsQuery query, boolean protect, LocalDate today) {
        ChildHistories children = new ChildHistories(all, today);
        Tally tally = new Tally(protect ? cellKey.keys() : RecordKeys.NONE);
        // Today's district of each code, looked up once per answer rather than once per case.
        Map<String, String> successors = new HashMap<>();
        Function<String, String> todayOf = code -> successors.computeIfAbsent(code, crosswalk::todayOf);
        Function<String, String> shown = code -> query.historical() ? code : todayOf.apply(code);
        List<CaseFact> selected = all.stream().filter(c -> selects(query, c, todayOf)).toList();
        Map<String, List<CaseFact>> groups = new TreeMap<>(selected.stream()
                .collect(Collectors.groupingBy(c -> key(query.groupBy(), c, shown))));
        List<CaseFacts.OpenAccessCount> openAccess = facts.openAccess();
        List<ObjectNode> rows = new ArrayList<>();
        groups.forEach((key, cases) -> {
            ObjectNode tree = Figures.of(tally, cases, children, today);
            tree.set("openAccessSupport", openAccess(tally, query, key, openAccess, shown));
            Resolution resolution = protect
                    ? new Resolution(perturbedByCell(tally, cases, children, today), cellKey.threshold())
                    : new Resolution((path, count) -> count.n(), 0);
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.set("group", group(query.groupBy(), key));
            row.setAll(resolution.resolve(tree));
            if (protect) {
                row.put("suppressed", !resolution.withheld().isEmpty());
                ArrayNode fields = row.putArray("suppressedFields");
                resolution.withheld().forEach(fields::add);
                row.set("protection", cellKey.describe(CELLS, query.from(), query.to(), true));
            }
            rows.add(row);
        });
        return rows;
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
        }, 0).resolve(Figures.of(tally, cell, children, today)));
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
    private static ObjectNode openAccess(Tally tally, StatsQuery q, String key, List<CaseFacts.OpenAccessCount> counts,
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
