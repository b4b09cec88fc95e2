package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The answer from cell summaries: O(cells) per query. A cell whose month the period covers wholly is
 * merged as it is; of a month covered in part (an exact reader's day range) the cases on covered days are
 * added one by one. Protected: each published count is perturbed once, from the records in it
 * ({@link Publication}). Proven equal figure for figure to a case-by-case count by {@code CellSummariesTest}
 * (the JSON of both over synthetic cities and many queries).
 */
final class SummaryStatistics {
    private final DistrictCrosswalk crosswalk;
    private final CellKeyMethod cellKey;

    SummaryStatistics(DistrictCrosswalk crosswalk, CellKeyMethod cellKey) {
        this.crosswalk = crosswalk;
        this.cellKey = cellKey;
    }

    List<ObjectNode> build(CellSummaries summaries, List<CaseFacts.OpenAccessCount> openAccess, StatsQuery query,
                           boolean protect, LocalDate today) {
        Map<String, String> successors = new HashMap<>();
        Function<String, String> todayOf = code -> successors.computeIfAbsent(code, crosswalk::todayOf);
        Function<String, String> shown = code -> query.historical() ? code : todayOf.apply(code);
        Map<String, CellSummary> groups = new TreeMap<>();
        Map<CellSummaries.Cell, CellSummaries.Kept> cells = query.concerns() == null ? summaries.anyConcern() : summaries.cells();
        cells.forEach((cell, kept) -> {
            if (!selects(query, cell, todayOf) || !query.overlapsMonth(cell.month()) || kept.summary().isEmpty()) {
                return;
            }
            String key = key(query.groupBy(), cell, shown);
            if (query.coversDay(cell.month().atDay(1)) && query.coversDay(cell.month().atEndOfMonth())) {
                groups.computeIfAbsent(key, k -> new CellSummary()).add(kept.summary());
            } else {
                for (CaseFact c : kept.cases()) {
                    if (query.coversDay(Stats.date(c.receivedAt()))) {
                        groups.computeIfAbsent(key, k -> new CellSummary()).add(summaries.contribution(c));
                    }
                }
            }
        });
        Tally tally = new Tally(protect ? cellKey.keys() : RecordKeys.NONE);
        Series series = protect ? series(cells, query, todayOf, shown) : null;
        Map<String, ObjectNode> wholeTrees = new HashMap<>();
        ObjectNode[] running = {series != null && series.byMonth ? SummaryFigures.of(series.earlier, today, List::of) : null};
        List<ObjectNode> rows = new ArrayList<>();
        groups.forEach((key, group) -> {
            ObjectNode tree = SummaryFigures.of(group, today, () -> summaries.all().stream()
                    .filter(c -> selects(query, c, todayOf) && key.equals(key(query.groupBy(), c, shown))).toList());
            tree.set("openAccessSupport", Rows.openAccess(tally, query, key, openAccess, shown));
            Resolution resolution = Resolution.exact();
            if (protect) {
                ObjectNode before;
                if (series.byMonth) {
                    // Monthly rows come in month order: the series before a month is the one before the last plus its month.
                    before = running[0];
                    running[0] = sumOfCounts(running[0], tree);
                } else {
                    before = SummaryFigures.of(series.before(key), today, List::of);
                }
                before = before.deepCopy();
                before.set("openAccessSupport", Rows.openAccess(tally, Rows.before(query, key), key, openAccess, shown));
                ObjectNode whole = wholeTrees.computeIfAbsent(series.byMonth ? "all" : key, k -> {
                    ObjectNode figures = SummaryFigures.of(series.whole(key), today, List::of);
                    figures.set("openAccessSupport", Rows.openAccess(tally, Rows.whole(query), key, openAccess, shown));
                    return figures;
                });
                resolution = Resolution.protectedBy(new Publication(cellKey), before, whole);
            }
            rows.add(Rows.row(query, protect, key, tree, resolution, cellKey));
        });
        return rows;
    }

    /** A new tree with every figure of {@code a} and {@code b} added path by path (figures of disjoint records add). */
    private static ObjectNode sumOfCounts(ObjectNode a, ObjectNode b) {
        ObjectNode sum = a.deepCopy();
        b.fields().forEachRemaining(field -> {
            JsonNode mine = sum.get(field.getKey());
            if (field.getValue() instanceof POJONode pojo && pojo.getPojo() instanceof Figure figure) {
                Figure was = mine instanceof POJONode p && p.getPojo() instanceof Figure f ? f : null;
                sum.set(field.getKey(), Tally.node(was == null ? figure : was.plus(figure)));
            } else if (field.getValue().isObject()) {
                sum.set(field.getKey(), mine != null && mine.isObject()
                        ? sumOfCounts((ObjectNode) mine, (ObjectNode) field.getValue()) : field.getValue().deepCopy());
            }
        });
        return sum;
    }

    /**
     * The series of every row (docs/statistics.md, "Disclosure control"): the records its row selects over
     * every month — the row's group, or for monthly rows the whole selection — and of those, the ones before
     * the row's window.
     */
    private static final class Series {
        final Map<String, CellSummary> whole = new HashMap<>();
        final Map<String, CellSummary> before = new HashMap<>();
        /** Monthly rows: the selection's records before the query's first month. */
        final CellSummary earlier = new CellSummary();
        boolean byMonth;

        CellSummary whole(String key) {
            return whole.getOrDefault(byMonth ? "all" : key, new CellSummary());
        }

        CellSummary before(String key) {
            return before.getOrDefault(key, new CellSummary());
        }
    }

    private static Series series(Map<CellSummaries.Cell, CellSummaries.Kept> cells, StatsQuery query,
                                 Function<String, String> todayOf, Function<String, String> shown) {
        Series series = new Series();
        series.byMonth = query.groupBy() == StatsQuery.Grouping.MONTH;
        cells.forEach((cell, kept) -> {
            if (!selects(query, cell, todayOf) || kept.summary().isEmpty()) {
                return;
            }
            String key = series.byMonth ? "all" : key(query.groupBy(), cell, shown);
            series.whole.computeIfAbsent(key, k -> new CellSummary()).add(kept.summary());
            if (query.from() != null && cell.month().isBefore(java.time.YearMonth.from(query.from()))) {
                (series.byMonth ? series.earlier : series.before.computeIfAbsent(key, k -> new CellSummary())).add(kept.summary());
            }
        });
        return series;
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
