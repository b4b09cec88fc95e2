package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published figures at the demo city's volumes (eleven districts, about three answered offers a district a
 * month, 94 months), seeded: all-time and yearly rates close to the exact ones, 95 % intervals that cover,
 * and totals that agree with their parts — with every noise the protection adds.
 */
class PublishedFiguresSimulationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> DISTRICTS = IntStream.rangeClosed(1, 11).mapToObj(i -> "district-" + i).toList();
    private static final YearMonth FIRST = YearMonth.of(2019, 1);
    private static final YearMonth LAST = YearMonth.of(2026, 10);
    private static final DistrictCrosswalk ELEVEN = new DistrictCrosswalk() {
        @Override
        public String todayOf(String district) {
            return district;
        }

        @Override
        public List<String> today() {
            return DISTRICTS;
        }

        @Override
        public List<String> all() {
            return DISTRICTS;
        }
    };

    /** A city: each district its own acceptance probability (0.35 … 0.95), 1 to 5 answered offers a month. */
    private static SyntheticFacts city(long seed) {
        Random random = new Random(seed);
        SyntheticFacts facts = new SyntheticFacts();
        for (int d = 0; d < DISTRICTS.size(); d++) {
            double p = probability(d);
            for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
                int cases = 1 + random.nextInt(5);
                for (int i = 0; i < cases; i++) {
                    String day = month.atDay(1 + random.nextInt(28)) + "T09:00:00Z";
                    String answers = random.nextDouble() < p ? "A" : "D";
                    if (random.nextInt(10) == 0) {
                        answers += "O"; // an offer not answered yet
                    }
                    facts.add(DISTRICTS.get(d), d < 4 ? "VALLINGBY_TEAM" : "ORDINARY", day, answers,
                            random.nextBoolean() ? "CRIME_RISK" : "NEGLECT");
                }
            }
        }
        return facts;
    }

    private static CaseStatistics statistics(SyntheticFacts facts, String secret) {
        return new CaseStatistics(facts.repository(), ELEVEN,
                new CellKeyMethod(new KeyedRecordKeys(secret), new PerturbationTable(5, 2)), CLOCK);
    }

    private static StatsQuery query(LocalDate from, LocalDate to, StatsQuery.Grouping grouping) {
        return new StatsQuery(from, to, null, null, null, false, grouping);
    }

    private static Map<String, JsonNode> byGroup(List<ObjectNode> rows) {
        Map<String, JsonNode> map = new HashMap<>();
        rows.forEach(row -> map.put(row.get("group").toString(), row));
        return map;
    }

    @Test
    void all_time_and_yearly_city_rates_and_all_time_district_rates_stay_within_one_point_of_the_exact_ones() {
        double worstAllTime = 0;
        double worstYearly = 0;
        double worstDistrict = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticFacts facts = city(seed);
            CaseStatistics stats = statistics(facts, "demo-volume-secret-" + seed);
            worstAllTime = Math.max(worstAllTime, deviation(stats, query(null, null, StatsQuery.Grouping.NONE), 0.01));
            for (int year = 2019; year <= 2025; year++) {
                worstYearly = Math.max(worstYearly, deviation(stats,
                        query(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), StatsQuery.Grouping.NONE), 0.01));
            }
            worstDistrict = Math.max(worstDistrict, deviation(stats, query(null, null, StatsQuery.Grouping.DISTRICT), 0.01));
            worstDistrict = Math.max(worstDistrict, deviation(stats, query(null, null, StatsQuery.Grouping.WORK_MODEL), 0.01));
        }
        System.out.printf("largest deviation from the exact rate: city all-time %.4f, city yearly %.4f, a district or work model "
                + "all-time %.4f%n", worstAllTime, worstYearly, worstDistrict);
    }

    /** The largest difference between a published and an exact rate of the query's rows, each at most {@code bound}. */
    private static double deviation(CaseStatistics stats, StatsQuery q, double bound) {
        double worst = 0;
        Map<String, JsonNode> exact = byGroup(stats.rows(q));
        Map<String, JsonNode> shown = byGroup(stats.protectedRows(q));
        for (Map.Entry<String, JsonNode> row : exact.entrySet()) {
            for (String rate : List.of("/acceptanceRate/value", "/concernToAcceptedIntervention/value")) {
                double deviation = Math.abs(shown.get(row.getKey()).at(rate).asDouble() - row.getValue().at(rate).asDouble());
                assertThat(deviation).as("%s %s %s", q, row.getKey(), rate).isLessThanOrEqualTo(bound);
                worst = Math.max(worst, deviation);
            }
        }
        return worst;
    }

    @Test
    void the_published_95_percent_intervals_cover_the_exact_rate_and_the_city_month_series_too() {
        int covered = 0;
        int intervals = 0;
        int cityMonthsCovered = 0;
        int cityMonths = 0;
        int coveredP = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticFacts facts = city(100 + seed);
            CaseStatistics stats = statistics(facts, "coverage-secret-" + seed);
            // Every district's months, and the city's months.
            for (int d = 0; d < DISTRICTS.size(); d++) {
                StatsQuery months = new StatsQuery(null, null, Set.of(DISTRICTS.get(d)), null, null, false, StatsQuery.Grouping.MONTH);
                int[] counts = coverage(stats, months, probability(d));
                covered += counts[0];
                intervals += counts[1];
                coveredP += counts[2];
            }
            int[] city = coverage(stats, query(null, null, StatsQuery.Grouping.MONTH), -1);
            cityMonthsCovered += city[0];
            cityMonths += city[1];
        }
        System.out.printf("95 %% intervals of district-months covering the exact rate: %d of %d (%.3f), the district's own "
                        + "acceptance probability: %d (%.3f); city months covering the exact rate: %d of %d (%.3f)%n",
                covered, intervals, (double) covered / intervals, coveredP, (double) coveredP / intervals,
                cityMonthsCovered, cityMonths, (double) cityMonthsCovered / cityMonths);
        assertThat(intervals).isGreaterThan(1000);
        assertThat((double) covered / intervals).isGreaterThanOrEqualTo(0.93);
        assertThat((double) coveredP / intervals).as("the probability behind the data").isGreaterThanOrEqualTo(0.93);
        assertThat((double) cityMonthsCovered / cityMonths).isGreaterThanOrEqualTo(0.90);
    }

    private static double probability(int district) {
        return 0.35 + 0.06 * district;
    }

    /**
     * {covered, shown, covering p}: the rows whose published acceptance interval contains the exact acceptance
     * rate, and (p ≥ 0) the probability the data were drawn with.
     */
    private static int[] coverage(CaseStatistics stats, StatsQuery q, double p) {
        Map<String, JsonNode> exact = byGroup(stats.rows(q));
        Map<String, JsonNode> shown = byGroup(stats.protectedRows(q));
        int covered = 0;
        int intervals = 0;
        int coveredP = 0;
        for (Map.Entry<String, JsonNode> row : shown.entrySet()) {
            JsonNode rate = row.getValue().get("acceptanceRate");
            JsonNode truth = exact.get(row.getKey()).at("/acceptanceRate/value");
            if (rate.get("low").isNull() || truth.isNull()) {
                continue;
            }
            intervals++;
            if (rate.get("low").asDouble() <= truth.asDouble() && truth.asDouble() <= rate.get("high").asDouble()) {
                covered++;
            }
            if (rate.get("low").asDouble() <= p && p <= rate.get("high").asDouble()) {
                coveredP++;
            }
        }
        return new int[]{covered, intervals, coveredP};
    }

    @Test
    void totals_and_parts_agree_in_every_published_answer() {
        SyntheticFacts facts = city(7);
        CaseStatistics stats = statistics(facts, "totals-and-parts-secret");
        int rows = 0;
        for (StatsQuery.Grouping grouping : StatsQuery.Grouping.values()) {
            for (StatsQuery q : List.of(query(null, null, grouping), query(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), grouping),
                    new StatsQuery(null, null, null, null, Set.of("CRIME_RISK"), false, grouping))) {
                for (ObjectNode row : stats.protectedRows(q)) {
                    JsonNode f = row.get("funnel");
                    String at = q + " " + row.get("group");
                    assertThat(f.get("offers").asLong()).as(at).isGreaterThanOrEqualTo(f.get("accepted").asLong() + f.get("declined").asLong());
                    for (String step : List.of("protectionAssessments", "initialAssessments", "investigationsOpened", "casesClosed", "casesOpen")) {
                        assertThat(f.get("concerns").asLong()).as(at + " " + step).isGreaterThanOrEqualTo(f.get(step).asLong());
                    }
                    assertThat(f.get("accepted").asLong()).as(at).isGreaterThanOrEqualTo(f.get("interventionsStarted").asLong());
                    assertThat(f.get("investigationsOpened").asLong()).as(at).isGreaterThanOrEqualTo(f.get("investigationsConcluded").asLong());
                    assertThat(row.at("/acceptanceRate/denominator").asLong()).as(at)
                            .isEqualTo(f.get("accepted").asLong() + f.get("declined").asLong());
                    assertThat(row.at("/ageAtConcern/n").asLong()).as(at + ": the same records, the same count")
                            .isEqualTo(f.get("concerns").asLong());
                    rates(row, at);
                    rows++;
                }
            }
        }
        assertThat(rows).isGreaterThan(100);
    }

    private static void rates(JsonNode node, String at) {
        if (node.has("numerator") && node.has("denominator")) {
            assertThat(node.get("numerator").asLong()).as(at).isLessThanOrEqualTo(node.get("denominator").asLong());
            if (!node.get("value").isNull()) {
                assertThat(node.get("value").asDouble()).as(at).isBetween(0.0, 1.0);
                assertNoCountFromRateTimesN(node, at);
            }
        }
        node.forEach(child -> {
            if (child.isObject()) {
                rates(child, at);
            }
        });
    }

    @Test
    void no_published_rate_times_its_denominator_gives_back_a_count_that_is_not_published() {
        SyntheticFacts facts = city(11);
        CaseStatistics stats = statistics(facts, "rate-arithmetic-secret");
        int fromRecords = 0;
        // Monthly rows rest on a few answers each: their rates are ratios of published counts.
        for (StatsQuery.Grouping grouping : List.of(StatsQuery.Grouping.NONE, StatsQuery.Grouping.DISTRICT, StatsQuery.Grouping.WORK_MODEL)) {
            for (int year = 2019; year <= 2026; year++) {
                for (StatsQuery q : List.of(query(null, null, grouping),
                        query(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), grouping))) {
                    for (ObjectNode row : stats.protectedRows(q)) {
                        fromRecords += rateNodes(row).stream().filter(r -> assertNoCountFromRateTimesN(r, q + " " + row.get("group"))).count();
                    }
                }
            }
        }
        assertThat(fromRecords).as("rates published from their records").isGreaterThan(100);
    }

    private static List<JsonNode> rateNodes(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.has("numerator") && node.has("denominator") && !node.get("value").isNull()) {
            found.add(node);
        }
        node.forEach(child -> {
            if (child.isObject()) {
                found.addAll(rateNodes(child));
            }
        });
        return found;
    }

    /**
     * A rate is either the ratio of the counts published beside it (so value × denominator gives back only the
     * published numerator), or, from the records in steps of whole points, one that fits at least two numerators
     * for every denominator the published one may hide (within k − 1 of it): true when it is the latter.
     */
    private static boolean assertNoCountFromRateTimesN(JsonNode rate, String at) {
        long a = rate.get("numerator").asLong();
        long n = rate.get("denominator").asLong();
        double value = rate.get("value").asDouble();
        long step = n - 4 > 100 && a >= 10 && n - a >= 10 ? 200 / (n - 4) + 1 : 0;
        if (step == 0 || step > 2) {
            assertThat(value).as(at + ": the ratio of the published counts").isCloseTo(Stats.round((double) a / n),
                    org.assertj.core.data.Offset.offset(1e-9));
            return false;
        }
        long points = Math.round(value * 100);
        assertThat(points % step).as(at + ": steps of " + step + " points").isZero();
        for (long candidate = n - 4; candidate <= n + 4; candidate++) {
            long fitting = 0;
            // Only numerators within two points of value × candidate can round to the value's step.
            long first = Math.max(0, (long) Math.floor(candidate * (value - 0.02)));
            for (long numerator = first; numerator <= Math.min(candidate, (long) Math.ceil(candidate * (value + 0.02))); numerator++) {
                if (step * Math.round(100.0 * numerator / candidate / step) == points) {
                    fitting++;
                }
            }
            assertThat(fitting).as(at + ": numerators of " + candidate + " that give " + value).isNotEqualTo(1);
        }
        return true;
    }
}
