package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The parts of an answer's rows that do not depend on how the figures were counted: the group, the protection, open-access support. */
final class Rows {
    private Rows() {
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
            row.set("protection", cellKey.describePublished(CaseStatistics.CELLS, query.from(), query.to()));
        }
        return row;
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
    static POJONode openAccess(Tally tally, StatsQuery q, String key, List<CaseFacts.OpenAccessCount> counts,
                               Function<String, String> district) {
        Map<String, Count> byValue = new java.util.LinkedHashMap<>();
        if (q.groupBy() == StatsQuery.Grouping.WORK_MODEL || q.workModel() != null || q.concerns() != null) {
            return Tally.node(new ValueKeyed(byValue));
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
            byValue.put(kind, Count.of(sum.n(), sum.key()));
        });
        return Tally.node(new ValueKeyed(byValue));
    }
}
