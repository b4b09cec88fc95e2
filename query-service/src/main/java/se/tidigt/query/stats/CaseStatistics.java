package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The figures of docs/statistics.md for any selection of cases, one row per group. Unsuppressed. */
@Service
public class CaseStatistics {
    private final CaseFacts facts;
    private final DistrictCrosswalk crosswalk;
    private final Clock clock;

    CaseStatistics(CaseFacts facts, DistrictCrosswalk crosswalk, Clock clock) {
        this.facts = facts;
        this.crosswalk = crosswalk;
        this.clock = clock;
    }

    public List<ObjectNode> rows(StatsQuery query) {
        List<CaseFact> all = facts.all();
        ChildHistories children = new ChildHistories(all);
        Function<String, String> shown = shownDistrict(query);
        Function<CaseFact, String> district = c -> shown.apply(c.district());
        List<CaseFact> selected = all.stream().filter(c -> selects(query, c, district)).toList();
        Map<String, List<CaseFact>> groups = new TreeMap<>(selected.stream()
                .collect(Collectors.groupingBy(c -> key(query.groupBy(), c, district))));
        LocalDate today = LocalDate.now(clock.withZone(Stats.ZONE));
        List<ObjectNode> rows = new ArrayList<>();
        List<CaseFacts.OpenAccessCount> openAccess = facts.openAccess();
        groups.forEach((key, cases) -> {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.set("group", group(query.groupBy(), key));
            row.setAll(Figures.of(cases, children, today));
            row.set("openAccessSupport", openAccess(query, key, openAccess, shown));
            rows.add(row);
        });
        return rows;
    }

    private boolean selects(StatsQuery q, CaseFact c, Function<CaseFact, String> district) {
        YearMonth month = c.concernMonth();
        return (q.from() == null || !month.isBefore(q.from())) && (q.to() == null || !month.isAfter(q.to()))
                && (q.districts() == null || q.districts().contains(c.district())
                        || q.districts().contains(crosswalk.todayOf(c.district())))
                && (q.workModel() == null || q.workModel().equals(c.workModel()))
                && (q.concern() == null || c.concerns().contains(q.concern()));
    }

    private static String key(StatsQuery.Grouping grouping, CaseFact c, Function<CaseFact, String> district) {
        return switch (grouping) {
            case DISTRICT -> district.apply(c);
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

    /** A district as the answer shows it: as it was, or mapped onto today's through the crosswalk. */
    private Function<String, String> shownDistrict(StatsQuery query) {
        return code -> query.historical() ? code : crosswalk.todayOf(code);
    }

    /** Open-access support has no work model or concern: counted by district and month only. */
    private static ObjectNode openAccess(StatsQuery q, String key, List<CaseFacts.OpenAccessCount> counts,
                                         Function<String, String> district) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (q.groupBy() == StatsQuery.Grouping.WORK_MODEL || q.workModel() != null || q.concern() != null) {
            return node;
        }
        Map<String, Long> byKind = new TreeMap<>();
        counts.stream()
                .filter(c -> (q.from() == null || !c.month().isBefore(q.from())) && (q.to() == null || !c.month().isAfter(q.to())))
                .filter(c -> q.districts() == null || q.districts().contains(c.district())
                        || q.districts().contains(district.apply(c.district())))
                .filter(c -> q.groupBy() != StatsQuery.Grouping.DISTRICT || district.apply(c.district()).equals(key))
                .filter(c -> q.groupBy() != StatsQuery.Grouping.MONTH || c.month().toString().equals(key))
                .forEach(c -> byKind.merge(c.kind(), c.count(), Long::sum));
        byKind.forEach(node::put);
        return node;
    }
}
