package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The answer from cell summaries: O(cells) per query. A cell whose month the period covers wholly is
 * merged as it is; of a month covered in part (an exact reader's day range) the cases on covered days are
 * added one by one. Protected: each disclosure cell's counts are perturbed and summed path by path, as
 * the fact-by-fact answer does. Equal to {@link FactByFactStatistics} figure for figure (the test
 * {@code CellSummariesTest} compares the JSON of both over synthetic cities and many queries).
 */
final class SummaryStatistics {
    private final DistrictCrosswalk crosswalk;
    private final CellKeyMethod cellKey;

    SummaryStatistics(DistrictCrosswalk crosswalk, CellKeyMethod cellKey) {
        this.crosswalk = crosswalk;
        this.cellKey = cellKey;
    }

    /**
     * One group's merged summary and, for protected readers, its disclosure cells: merged from concern
     * sets, or (no concern filter) whole cells of {@link CellSummaries#anyConcern}, whose perturbed
     * counts are kept with the summaries.
     */
    private static final class Group {
        final CellSummary summary = new CellSummary();
        final Map<String, CellSummary> cells = new LinkedHashMap<>();
        final List<CellSummaries.Cell> wholeCells = new ArrayList<>();

        void add(CellSummaries.Cell cell, CellSummary part, boolean protect) {
            summary.add(part);
            if (protect) {
                cells.computeIfAbsent(cell.protectedCell(), c -> new CellSummary()).add(part);
            }
        }

        void addWhole(CellSummaries.Cell cell, CellSummary part, boolean protect) {
            summary.add(part);
            if (protect) {
                wholeCells.add(cell);
            }
        }
    }

    List<ObjectNode> build(CellSummaries summaries, List<CaseFacts.OpenAccessCount> openAccess, StatsQuery query,
                           boolean protect, LocalDate today) {
        Map<String, String> successors = new HashMap<>();
        Function<String, String> todayOf = code -> successors.computeIfAbsent(code, crosswalk::todayOf);
        Function<String, String> shown = code -> query.historical() ? code : todayOf.apply(code);
        Map<String, Group> groups = new TreeMap<>();
        Map<CellSummaries.Cell, CellSummaries.Kept> cells = query.concerns() == null ? summaries.anyConcern() : summaries.cells();
        cells.forEach((cell, kept) -> {
            if (!selects(query, cell, todayOf) || !query.overlapsMonth(cell.month()) || kept.summary().isEmpty()) {
                return;
            }
            String key = key(query.groupBy(), cell, shown);
            if (query.coversDay(cell.month().atDay(1)) && query.coversDay(cell.month().atEndOfMonth())) {
                Group group = groups.computeIfAbsent(key, k -> new Group());
                if (cell.concerns() == null) {
                    group.addWhole(cell, kept.summary(), protect);
                } else {
                    group.add(cell, kept.summary(), protect);
                }
            } else {
                for (CaseFact c : kept.cases()) {
                    if (query.coversDay(Stats.date(c.receivedAt()))) {
                        groups.computeIfAbsent(key, k -> new Group()).add(cell, summaries.contribution(c), protect);
                    }
                }
            }
        });
        Tally tally = new Tally(protect ? cellKey.keys() : RecordKeys.NONE);
        List<ObjectNode> rows = new ArrayList<>();
        groups.forEach((key, group) -> {
            ObjectNode tree = SummaryFigures.of(group.summary, today, () -> summaries.all().stream()
                    .filter(c -> selects(query, c, todayOf) && key.equals(key(query.groupBy(), c, shown))).toList());
            tree.set("openAccessSupport", FactByFactStatistics.openAccess(tally, query, key, openAccess, shown));
            Resolution resolution = protect
                    ? new Resolution(perturbedByCell(summaries, group, today), cellKey.threshold())
                    : new Resolution((path, count) -> count.n(), 0);
            rows.add(FactByFactStatistics.row(query, protect, key, tree, resolution, cellKey));
        });
        return rows;
    }

    /** Every count of the group as the sum of its cells' perturbed counts (as FactByFactStatistics.perturbedByCell). */
    private Resolution.Counter perturbedByCell(CellSummaries summaries, Group group, LocalDate today) {
        Map<String, Long> sums = new HashMap<>();
        group.cells.values().forEach(cell -> perturbed(cell, today).forEach((path, n) -> sums.merge(path, n, Long::sum)));
        group.wholeCells.forEach(cell -> summaries.perturbed(cell, today,
                        () -> perturbed(summaries.anyConcern().get(cell).summary(), today))
                .forEach((path, n) -> sums.merge(path, n, Long::sum)));
        return (path, count) -> sums.containsKey(path) ? sums.get(path) : cellKey.perturb(count);
    }

    /** One disclosure cell's counts, each perturbed, by path. */
    private Map<String, Long> perturbed(CellSummary cell, LocalDate today) {
        Map<String, Long> byPath = new HashMap<>();
        new Resolution((path, count) -> {
            byPath.merge(path, cellKey.perturb(count), Long::sum);
            return count.n();
        }, 0).resolve(SummaryFigures.counts(cell, today));
        return byPath;
    }

    private static boolean selects(StatsQuery q, CellSummaries.Cell cell, Function<String, String> todayOf) {
        return (q.districts() == null || q.districts().contains(cell.district())
                || q.districts().contains(todayOf.apply(cell.district())))
                && (q.workModel() == null || q.workModel().equals(cell.workModel()))
                && q.selectsConcerns(cell.concerns());
    }

    private static boolean selects(StatsQuery q, CaseFact c, Function<String, String> todayOf) {
        return q.coversDay(Stats.date(c.receivedAt()))
                && selects(q, CellSummaries.Cell.of(c), todayOf);
    }

    private static String key(StatsQuery.Grouping grouping, CellSummaries.Cell cell, Function<String, String> district) {
        return switch (grouping) {
            case DISTRICT -> district.apply(cell.district());
            case WORK_MODEL -> cell.workModel();
            case MONTH -> cell.month().toString();
            case NONE -> "all";
        };
    }

    private static String key(StatsQuery.Grouping grouping, CaseFact c, Function<String, String> district) {
        return key(grouping, CellSummaries.Cell.of(c), district);
    }
}
