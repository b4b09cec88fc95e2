package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.query.stats.StatsQuery;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The counts the investigation multiplies, read through the same protection as {@code /stats} (rounded once per
 * published figure, withheld below the threshold): nothing here gives back more than {@code /stats} gives.
 */
@Component
class ProtectedCounts {
    private final CaseStatistics statistics;
    private final ObjectMapper json;

    ProtectedCounts(CaseStatistics statistics, ObjectMapper json) {
        this.statistics = statistics;
        this.json = json;
    }

    /** Counts of one row: concerns, answered offers, accepted offers, children with a first concern (null: withheld). */
    record Counts(Long concerns, Long answered, Long accepted, Long children) {
        /** A district without a row has no cases in the period (a withheld count is a null inside a row). */
        static final Counts ZERO = new Counts(0L, 0L, 0L, 0L);
    }

    /** Per today's district: its intake between the days, whatever the model. */
    Map<String, Counts> byDistrict(LocalDate from, LocalDate to, StatisticsPosition.State state) {
        Map<String, Counts> counts = new HashMap<>();
        for (ObjectNode row : statistics.protectedRows(new StatsQuery(from, to, null, null, null, false,
                StatsQuery.Grouping.DISTRICT), state)) {
            JsonNode tree = json.valueToTree(row);
            counts.put(tree.at("/group/district").asText(), read(tree));
        }
        return counts;
    }

    /** The cases of one work model between the days, the whole city. */
    Counts ofModel(String workModel, LocalDate from, LocalDate to, StatisticsPosition.State state) {
        for (ObjectNode row : statistics.protectedRows(new StatsQuery(from, to, null, workModel, null, false,
                StatsQuery.Grouping.WORK_MODEL), state)) {
            JsonNode tree = json.valueToTree(row);
            if (tree.at("/group/workModel").asText().equals(workModel)) {
                return read(tree);
            }
        }
        return Counts.ZERO;
    }

    private static Counts read(JsonNode row) {
        return new Counts(count(row.at("/funnel/concerns")), count(row.at("/acceptanceRate/denominator")),
                count(row.at("/acceptanceRate/numerator")), count(row.at("/lateSupport/children")));
    }

    private static Long count(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}
