package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Means, medians and percentiles shown to readers other than the district: the mean × n route and the
 * single-value route, tried as an analyst would, recover nothing; the same routes on the exact values do.
 */
class ReadValuesDisclosureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    private static CaseStatistics statistics(SyntheticFacts facts) {
        return new CaseStatistics(facts.repository(), SyntheticFacts.STOCKHOLM,
                new CellKeyMethod(new KeyedRecordKeys("read-values-deployment-secret"), new PerturbationTable(5, 2)), CLOCK);
    }

    /**
     * The mean × n route: from a published mean and n, the counts within the noise (n − 4 … n + 4) for which
     * some whole sum gives that mean as shown; when only one is left, it is the analyst's guess of the count.
     */
    private static Long guess(double mean, long publishedN, double halfStep) {
        Long only = null;
        int candidates = 0;
        for (long n = Math.max(1, publishedN - 4); n <= publishedN + 4; n++) {
            long sum = Math.round(mean * n);
            for (long s = sum - 1; s <= sum + 1; s++) {
                if (Math.abs((double) s / n - mean) < halfStep) {
                    candidates++;
                    only = n;
                    break;
                }
            }
        }
        return candidates == 1 ? only : null;
    }

    @Test
    void the_mean_times_n_route_recovers_no_count_from_a_published_mean() {
        int shown = 0;
        int recovered = 0;
        int recoveredFromExactMeans = 0;
        for (long seed = 1; seed <= 3; seed++) {
            CaseStatistics stats = statistics(SyntheticCity.of(seed, 2_000));
            for (StatsQuery.Grouping grouping : List.of(StatsQuery.Grouping.MONTH, StatsQuery.Grouping.DISTRICT)) {
                StatsQuery q = new StatsQuery(null, null, null, null, null, true, grouping);
                Map<String, JsonNode> exact = new HashMap<>();
                stats.rows(q).forEach(row -> exact.put(row.get("group").toString(), row));
                for (ObjectNode row : stats.protectedRows(q)) {
                    JsonNode workers = row.get("workersPerCase");
                    JsonNode truth = exact.get(row.get("group").toString()).get("workersPerCase");
                    if (workers.get("mean").isNull()) {
                        continue;
                    }
                    shown++;
                    Long n = guess(workers.get("mean").asDouble(), workers.get("n").asLong(), 0.05);
                    if (n != null && n == truth.get("n").asLong()) {
                        recovered++;
                    }
                    Long fromExact = guess(truth.get("mean").asDouble(), workers.get("n").asLong(), 0.00005);
                    if (fromExact != null && fromExact == truth.get("n").asLong()) {
                        recoveredFromExactMeans++;
                    }
                }
            }
        }
        System.out.printf("mean × n: %d of %d published means give back their count; %d would from the exact means%n",
                recovered, shown, recoveredFromExactMeans);
        assertThat(shown).isGreaterThan(100);
        assertThat(recovered).as("counts recovered from published means").isZero();
        assertThat(recoveredFromExactMeans).as("the route works on exact means, so the test can fail").isPositive();
    }

    @Test
    void a_figure_on_fewer_than_ten_records_shows_no_value_and_one_childs_wait_is_never_shown() {
        SyntheticFacts facts = new SyntheticFacts();
        // Five cases in June: one child waited 37 days for the first offer.
        for (int i = 0; i < 4; i++) {
            facts.add("farsta", "ORDINARY", "2024-06-0" + (2 + i) + "T09:00:00Z", 3 + i, "A");
        }
        facts.add("farsta", "ORDINARY", "2024-06-09T09:00:00Z", 37, "A");
        // Twelve in September with distinct waits, one child far out at 61 days.
        int[] waits = {4, 6, 8, 11, 13, 17, 18, 22, 24, 27, 29, 61};
        for (int i = 0; i < waits.length; i++) {
            facts.add("farsta", "ORDINARY", "2024-09-" + (10 + i) + "T09:00:00Z", waits[i], "A");
        }
        CaseStatistics stats = statistics(facts);
        ObjectNode june = stats.protectedRows(new StatsQuery(java.time.LocalDate.parse("2024-06-01"), java.time.LocalDate.parse("2024-06-30"),
                Set.of("farsta"), null, null, false, StatsQuery.Grouping.DISTRICT)).get(0);
        for (String value : List.of("/leadTimes/concernToFirstOffer/medianDays", "/leadTimes/concernToFirstOffer/p90Days",
                "/workersPerCase/mean", "/workersPerCase/median", "/acceptanceRate/designEffect")) {
            assertThat(june.at(value).isNull()).as("five records: %s withheld", value).isTrue();
        }
        ObjectNode september = stats.protectedRows(new StatsQuery(java.time.LocalDate.parse("2024-09-01"),
                java.time.LocalDate.parse("2024-09-30"), Set.of("farsta"), null, null, false, StatsQuery.Grouping.DISTRICT)).get(0);
        JsonNode median = september.at("/leadTimes/concernToFirstOffer/medianDays");
        assertThat(median.isNumber()).as("twelve records: a median is shown").isTrue();
        assertThat(median.asDouble()).as("the mean of the five records around the median, not one child's wait")
                .isEqualTo(Math.round((11 + 13 + 17 + 18 + 22) / 5.0));
        for (int wait : waits) {
            assertThat(median.asDouble()).isNotEqualTo(wait);
        }
        assertThat(september.at("/leadTimes/concernToFirstOffer/p90Days").isNull())
                .as("the 90th percentile of twelve has two records above it: the 61 days are never shown").isTrue();
        ObjectNode own = stats.rows(new StatsQuery(java.time.LocalDate.parse("2024-09-01"), java.time.LocalDate.parse("2024-09-30"),
                Set.of("farsta"), null, null, false, StatsQuery.Grouping.DISTRICT)).get(0);
        assertThat(own.at("/leadTimes/concernToFirstOffer/medianDays").asDouble()).as("the district itself: the exact median")
                .isEqualTo(17.0);
    }
}
