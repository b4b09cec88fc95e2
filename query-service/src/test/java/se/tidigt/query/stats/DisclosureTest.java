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
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disclosure routes tried as an analyst would, under many deployment secrets: none gives back a count
 * from 1 to 4 (every published count is a multiple of the threshold, so every difference of them is too). Hässelby-Vällingby's June 2024 holds exactly two accepted offers;
 * Rinkeby-Kista's October 2022 exactly two accepted offers; the rest is large enough to be shown.
 */
class DisclosureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final StatsQuery.Grouping DISTRICT = StatsQuery.Grouping.DISTRICT;

    private final SyntheticFacts world = world();

    private static SyntheticFacts world() {
        SyntheticFacts w = new SyntheticFacts();
        String[] answers = {"A", "A", "D", "AD", "A", "DA", "A", "D", "A"};
        for (int month = 1; month <= 5; month++) {
            for (int i = 0; i < answers.length; i++) {
                w.add("hasselby-vallingby", "VALLINGBY_TEAM", "2024-0" + month + "-1" + i + "T09:00:00Z", answers[i]);
                w.add("farsta", i % 3 == 0 ? "VALLINGBY_TEAM" : "ORDINARY", "2024-0" + month + "-0" + (i + 1) + "T09:00:00Z", answers[i]);
            }
        }
        w.add("hasselby-vallingby", "VALLINGBY_TEAM", "2024-06-03T09:00:00Z", "A");
        w.add("hasselby-vallingby", "VALLINGBY_TEAM", "2024-06-20T09:00:00Z", "A");
        w.add("rinkeby-kista", "ORDINARY", "2022-10-03T09:00:00Z", "A");
        w.add("rinkeby-kista", "ORDINARY", "2022-10-05T09:00:00Z", "A");
        for (int i = 0; i < 7; i++) {
            w.add("spanga-tensta", "ORDINARY", "2022-10-1" + i + "T09:00:00Z", i % 2 == 0 ? "A" : "D");
        }
        return w;
    }

    private static CaseStatistics statistics(SyntheticFacts facts, String secret) {
        return new CaseStatistics(facts.repository(), SyntheticFacts.STOCKHOLM,
                new CellKeyMethod(new KeyedRecordKeys(secret), new PerturbationTable(5, 2)), CLOCK);
    }

    private static StatsQuery query(String from, String to, String district, String workModel, boolean historical,
                                    StatsQuery.Grouping grouping) {
        return new StatsQuery(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
                district == null ? null : Set.of(district), workModel, null, historical, grouping);
    }

    private static ObjectNode only(List<ObjectNode> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void differencing_two_periods_gives_only_multiples_of_the_threshold_never_the_two_accepted_offers() {
        for (int deployment = 0; deployment < 40; deployment++) {
            CaseStatistics stats = statistics(world, "secret-of-deployment-" + deployment);
            Map<String, Long> janJun = counts(only(stats.protectedRows(query("2024-01-01", "2024-06-30", "hasselby-vallingby", null, false, DISTRICT))));
            Map<String, Long> janMay = counts(only(stats.protectedRows(query("2024-01-01", "2024-05-31", "hasselby-vallingby", null, false, DISTRICT))));
            Map<String, Long> june = counts(only(stats.protectedRows(query("2024-06-01", "2024-06-30", "hasselby-vallingby", null, false, DISTRICT))));
            difference(janJun, janMay).forEach((path, d) -> assertThat(d % 5).as("Jan–Jun minus Jan–May at " + path).isZero());
            assertThat(janJun.get("funnel.accepted") - janMay.get("funnel.accepted")).as("two accepted offers are never shown as two")
                    .isNotEqualTo(2L);
            assertThat(june.get("funnel.accepted")).as("two accepted offers are never shown as two").isIn(0L, 5L);
            Map<String, Long> byDay = counts(only(stats.protectedRows(query("2024-01-01", "2024-06-17", "hasselby-vallingby", null, false, DISTRICT))));
            assertThat(byDay).as("a day range is widened to whole months: no day can be differenced out").isEqualTo(janJun);
        }
    }

    @Test
    void todays_district_minus_one_predecessor_gives_only_multiples_of_the_threshold() {
        for (int deployment = 0; deployment < 40; deployment++) {
            CaseStatistics stats = statistics(world, "secret-of-deployment-" + deployment);
            Map<String, Long> jarva = counts(only(stats.protectedRows(query(null, null, "jarva", null, false, DISTRICT))));
            Map<String, Long> spangaTensta = counts(only(stats.protectedRows(query(null, null, "spanga-tensta", null, true, DISTRICT))));
            Map<String, Long> rinkebyKista = counts(only(stats.protectedRows(query(null, null, "rinkeby-kista", null, true, DISTRICT))));
            difference(jarva, spangaTensta).forEach((path, d) -> assertThat(d % 5).as("Järva minus Spånga-Tensta at " + path).isZero());
            assertThat(rinkebyKista.get("funnel.accepted")).isIn(0L, 5L);
            assertThat(rinkebyKista.get("funnel.concerns")).isIn(0L, 5L);
        }
    }

    @Test
    void the_city_total_by_work_model_minus_the_shown_districts_gives_only_multiples_of_the_threshold() {
        for (int deployment = 0; deployment < 40; deployment++) {
            CaseStatistics stats = statistics(world, "secret-of-deployment-" + deployment);
            List<ObjectNode> byModel = stats.protectedRows(query("2024-06-01", "2024-06-30", null, null, false, StatsQuery.Grouping.WORK_MODEL));
            Map<String, Long> cityTeam = counts(byModel.stream().filter(r -> r.at("/group/workModel").asText().equals("VALLINGBY_TEAM")).findFirst().orElseThrow());
            Map<String, Long> shown = new TreeMap<>();
            for (String district : List.of("farsta", "jarva")) {
                stats.protectedRows(query("2024-06-01", "2024-06-30", district, "VALLINGBY_TEAM", false, DISTRICT))
                        .forEach(row -> shown.putAll(sum(shown, counts(row))));
            }
            Map<String, Long> hidden = counts(only(stats.protectedRows(query("2024-06-01", "2024-06-30", "hasselby-vallingby", "VALLINGBY_TEAM", false, DISTRICT))));
            difference(cityTeam, shown).forEach((path, d) -> assertThat(d % 5).as("city minus shown districts at " + path).isZero());
            assertThat(cityTeam.get("funnel.accepted") - shown.getOrDefault("funnel.accepted", 0L)).isNotEqualTo(2L);
            assertThat(hidden.get("funnel.accepted")).isIn(0L, 5L);
        }
    }

    @Test
    void within_a_small_row_every_count_is_zero_or_the_threshold_so_no_combination_of_them_is_a_small_count() {
        for (int deployment = 0; deployment < 40; deployment++) {
            ObjectNode june = only(statistics(world, "secret-of-deployment-" + deployment)
                    .protectedRows(query("2024-06-01", "2024-06-30", "hasselby-vallingby", null, false, DISTRICT)));
            counts(june).forEach((path, value) -> assertThat(value).as(path).isIn(0L, 5L));
            JsonNode rate = june.get("acceptanceRate");
            assertThat(rate.get("denominator").asLong()).as("answered = accepted + declined, as published")
                    .isEqualTo(june.at("/funnel/accepted").asLong() + june.at("/funnel/declined").asLong());
            if (rate.get("denominator").asLong() > 0) {
                assertThat(rate.get("value").asDouble() * rate.get("denominator").asLong())
                        .as("value × denominator gives the published numerator, not the raw one")
                        .isEqualTo(rate.get("numerator").asDouble());
            }
            assertThat(june.at("/ageAtConcern/n").asLong()).as("the same records get the same noise")
                    .isEqualTo(june.at("/funnel/concerns").asLong());
            assertThat(june.get("protection").get("method").asText()).isEqualTo("cell-key perturbation");
        }
    }

    @Test
    void every_count_shown_to_an_analyst_anywhere_is_zero_or_at_least_the_threshold() {
        CaseStatistics stats = statistics(world, "one-deployment-secret");
        for (StatsQuery.Grouping grouping : StatsQuery.Grouping.values()) {
            for (boolean historical : new boolean[]{false, true}) {
                stats.protectedRows(query(null, null, null, null, historical, grouping)).forEach(row ->
                        counts(row).forEach((path, value) -> assertThat(value).as(grouping + " " + path).isNotIn(1L, 2L, 3L, 4L)));
            }
        }
    }

    @Test
    void a_rate_of_one_over_a_handful_of_families_does_not_tell_whether_one_of_them_declined() {
        int allAcceptedShownAsOne = 0;
        int oneDeclinedShownAsOne = 0;
        int deployments = 400;
        for (int deployment = 0; deployment < deployments; deployment++) {
            SyntheticFacts allAccepted = new SyntheticFacts().add("farsta", "ORDINARY", "2024-06-03T09:00:00Z", "A")
                    .add("farsta", "ORDINARY", "2024-06-04T09:00:00Z", "A").add("farsta", "ORDINARY", "2024-06-05T09:00:00Z", "A");
            SyntheticFacts oneDeclined = new SyntheticFacts().add("farsta", "ORDINARY", "2024-06-03T09:00:00Z", "A")
                    .add("farsta", "ORDINARY", "2024-06-04T09:00:00Z", "A").add("farsta", "ORDINARY", "2024-06-05T09:00:00Z", "A")
                    .add("farsta", "ORDINARY", "2024-06-06T09:00:00Z", "D");
            String secret = "secret-of-deployment-" + deployment;
            StatsQuery june = query("2024-06-01", "2024-06-30", "farsta", null, false, DISTRICT);
            if (only(statistics(allAccepted, secret).protectedRows(june)).at("/acceptanceRate/value").asDouble(-1) == 1.0) {
                allAcceptedShownAsOne++;
            }
            if (only(statistics(oneDeclined, secret).protectedRows(june)).at("/acceptanceRate/value").asDouble(-1) == 1.0) {
                oneDeclinedShownAsOne++;
            }
        }
        // Expected shares: 3 accepted → 5 with probability 3/5; the decline hidden as 0 with probability 4/5: 0.6 vs 0.48.
        assertThat((double) oneDeclinedShownAsOne / deployments).as("a rate of 1 is shown where a family declined")
                .isBetween(0.38, 0.58);
        assertThat((double) allAcceptedShownAsOne / deployments).isBetween(0.5, 0.7);
    }

    @Test
    void the_same_query_twice_gives_the_same_answer_and_another_secret_other_noise() {
        StatsQuery all = query(null, null, null, null, false, DISTRICT);
        assertThat(statistics(world, "secret-one-for-this-test").protectedRows(all))
                .isEqualTo(statistics(world, "secret-one-for-this-test").protectedRows(all));
        Set<String> answers = new HashSet<>();
        for (int deployment = 0; deployment < 20; deployment++) {
            answers.add(statistics(world, "secret-of-deployment-" + deployment).protectedRows(all).toString());
        }
        assertThat(answers).as("the noise depends on the secret, not on anything a reader knows").hasSizeGreaterThan(1);
    }

    @Test
    void a_district_reading_itself_sees_exact_counts_and_a_case_with_two_kinds_of_concern_counts_once() {
        SyntheticFacts facts = new SyntheticFacts()
                .add("farsta", "ORDINARY", "2024-06-03T09:00:00Z", "A", "SUBSTANCE_USE_RISK", "CRIME_RISK")
                .add("farsta", "ORDINARY", "2024-06-04T09:00:00Z", "D", "CRIME_RISK")
                .add("farsta", "ORDINARY", "2024-06-05T09:00:00Z", "A", "VIOLENCE");
        CaseStatistics stats = statistics(facts, "secret-of-this-test-deployment");
        StatsQuery targetGroup = new StatsQuery(null, null, Set.of("farsta"), null,
                Set.of("SUBSTANCE_USE_RISK", "CRIME_RISK"), false, DISTRICT);
        ObjectNode row = only(stats.rows(targetGroup));
        assertThat(row.at("/funnel/concerns").asLong()).isEqualTo(2);
        assertThat(row.at("/funnel/accepted").asLong()).isEqualTo(1);
        assertThat(row.at("/acceptanceRate/value").asDouble()).isEqualTo(0.5);
        assertThat(row.at("/concernToAcceptedIntervention/value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void medians_and_percentiles_are_shown_only_with_enough_records_on_each_side() {
        SyntheticFacts facts = new SyntheticFacts();
        for (int i = 0; i < 30; i++) {
            facts.add("farsta", "ORDINARY", "2024-06-" + (10 + i % 15) + "T09:00:00Z", 1 + i, "A");
        }
        ObjectNode row = only(statistics(facts, "secret-of-this-test-deployment")
                .protectedRows(query(null, null, "farsta", null, false, DISTRICT)));
        assertThat(row.at("/leadTimes/concernToFirstOffer/medianDays").isNumber()).isTrue();
        assertThat(row.at("/leadTimes/concernToFirstOffer/p90Days").isNull())
                .as("the 90th percentile of 30 values has 3 above it: fewer than 5").isTrue();
        assertThat(row.get("suppressedFields").toString()).contains("leadTimes.concernToFirstOffer.p90Days");
    }

    /** Every count of a row by its path (rates' values and read values are not counts). */
    static Map<String, Long> counts(JsonNode row) {
        Map<String, Long> counts = new TreeMap<>();
        flatten(row, "", counts);
        return counts;
    }

    private static void flatten(JsonNode node, String path, Map<String, Long> counts) {
        node.fields().forEachRemaining(field -> {
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (Set.of("group", "protection", "suppressedFields").contains(at)) {
                return;
            }
            if (field.getValue().isObject()) {
                flatten(field.getValue(), at, counts);
            } else if (field.getValue().isIntegralNumber()) {
                counts.put(at, field.getValue().asLong());
            }
        });
    }

    /** a − b path by path; a path missing on one side counts 0 there; zeros left out. */
    private static Map<String, Long> difference(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> d = new TreeMap<>();
        Set<String> paths = new HashSet<>(a.keySet());
        paths.addAll(b.keySet());
        paths.forEach(p -> {
            long value = a.getOrDefault(p, 0L) - b.getOrDefault(p, 0L);
            if (value != 0) {
                d.put(p, value);
            }
        });
        return d;
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> s = new TreeMap<>(a);
        b.forEach((p, v) -> s.merge(p, v, Long::sum));
        return s;
    }
}
