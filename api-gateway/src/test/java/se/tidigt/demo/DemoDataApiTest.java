package se.tidigt.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.security.DemoUsers;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.DemoCityTest;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * The demo city at its default volume, written through the command side, read back through the
 * statistics API as a city official would: its size and span, its districts through the 2023
 * merger, the two work models' acceptance rates, the rollout story and the built-in effect.
 */
class DemoDataApiTest extends DemoCityTest {
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Europe/Stockholm")).minusMonths(1);

    @Autowired
    JdbcTemplate jdbc;

    private Api analyst() {
        return as("analyst");
    }

    @Test
    void the_city_has_at_least_5000_cases_in_every_district_from_january_2019_to_last_month() {
        JsonNode districts = analyst().get("/api/v1/stats/city?groupBy=district").json();
        assertThat(districts).hasSize(11);
        long cases = 0;
        for (JsonNode row : districts) {
            assertThat(row.at("/funnel/concerns").asLong()).as("cases in %s", row.at("/group/district")).isGreaterThan(200);
            cases += row.at("/funnel/concerns").asLong();
        }
        assertThat(cases).isGreaterThanOrEqualTo(5_000);
        List<String> months = new ArrayList<>();
        analyst().get("/api/v1/stats/city?groupBy=month").json().forEach(row -> months.add(row.at("/group/month").asText()));
        assertThat(months).startsWith("2019-01").endsWith(LAST_MONTH.toString());
    }

    @Test
    void before_july_2023_the_cases_belong_to_the_districts_of_that_time() {
        List<String> before = groups("/api/v1/stats/city?groupBy=district&districts=historical&to=2023-06");
        assertThat(before).contains("rinkeby-kista", "spanga-tensta", "norrmalm", "ostermalm").doesNotContain("jarva", "norra-innerstaden");
        List<String> after = groups("/api/v1/stats/city?groupBy=district&districts=historical&from=2023-07");
        assertThat(after).contains("jarva", "norra-innerstaden").doesNotContain("rinkeby-kista", "norrmalm");
    }

    @Test
    void the_acceptance_rates_per_work_model_come_within_two_points_of_their_targets() {
        // Summed from each district's own exact figures: the analyst's answer carries the cell-key
        // noise of every district-month cell it adds up, which can itself move a rate by a point or two.
        assertThat(exactAcceptance("ORDINARY")).isCloseTo(Intake.ORDINARY_ACCEPTANCE, within(0.02));
        assertThat(exactAcceptance("VALLINGBY_TEAM")).isCloseTo(Intake.TEAM_ACCEPTANCE, within(0.02));
    }

    private double exactAcceptance(String workModel) {
        long accepted = 0;
        long answered = 0;
        for (JsonNode district : analyst().get("/api/v1/districts").json()) {
            String code = district.get("code").asText();
            JsonNode rate = as(DemoUsers.userIdFor(code))
                    .get("/api/v1/stats/districts/" + code + "?workModel=" + workModel).json().path("acceptanceRate");
            accepted += rate.path("numerator").asLong();
            answered += rate.path("denominator").asLong();
        }
        assertThat(answered).as("answered offers in " + workModel).isGreaterThan(100);
        return (double) accepted / answered;
    }

    @Test
    void every_all_time_and_yearly_rate_is_within_one_point_of_the_exact_one_and_no_rate_times_n_gives_back_a_count() {
        // Today's districts (each holds its predecessors' cases): the city is the sum of their own exact figures.
        List<String> codes = groups("/api/v1/stats/city?groupBy=district");
        assertThat(codes).hasSize(11);
        List<String> periods = new ArrayList<>(List.of(""));
        for (int year = 2019; year < LAST_MONTH.getYear(); year++) {
            periods.add("&from=" + year + "-01&to=" + year + "-12");
        }
        int compared = 0;
        double worst = 0;
        for (String period : periods) {
            // The city's rows are by work model: each is every district's cases of that model.
            for (JsonNode shownRow : analyst().get("/api/v1/stats/city?groupBy=workModel" + period).json()) {
                String model = shownRow.at("/group/workModel").asText();
                Map<String, long[]> city = new HashMap<>();
                for (String code : codes) {
                    rates(as(DemoUsers.userIdFor(code)).get("/api/v1/stats/districts/" + code + "?workModel=" + model + period)
                            .json(), "").forEach((path, rate) -> {
                                long[] sum = city.computeIfAbsent(path, k -> new long[2]);
                                sum[0] += rate.get("numerator").asLong();
                                sum[1] += rate.get("denominator").asLong();
                            });
                }
                for (Map.Entry<String, JsonNode> shown : rates(shownRow, "").entrySet()) {
                    long[] exact = city.get(shown.getKey());
                    double off = compare("city " + model + period + shown.getKey(), shown.getValue(), (double) exact[0] / exact[1]);
                    // The ordinary model holds most of the city: its yearly rates rest on hundreds of records.
                    if (model.equals("ORDINARY")
                            && (shown.getKey().equals("/acceptanceRate") || shown.getKey().equals("/concernToAcceptedIntervention"))) {
                        assertThat(off).as("the city's %s%s%s is published from its records", model, period, shown.getKey())
                                .isNotNegative();
                    }
                    worst = Math.max(worst, off);
                    compared++;
                }
            }
        }
        Map<String, JsonNode> shownByDistrict = new HashMap<>();
        analyst().get("/api/v1/stats/city?groupBy=district").json()
                .forEach(row -> shownByDistrict.put(row.at("/group/district").asText(), row));
        for (String code : codes) {
            Map<String, JsonNode> exact = rates(as(DemoUsers.userIdFor(code)).get("/api/v1/stats/districts/" + code).json(), "");
            for (Map.Entry<String, JsonNode> shown : rates(shownByDistrict.get(code), "").entrySet()) {
                double off = compare(code + shown.getKey(), shown.getValue(), exact.get(shown.getKey()).get("value").asDouble());
                if (shown.getKey().equals("/acceptanceRate")) {
                    assertThat(off).as("%s's all-time acceptance is published from its records", code).isNotNegative();
                }
                worst = Math.max(worst, off);
                compared++;
            }
        }
        System.out.printf("Demo city: %d all-time and yearly rates, at most %.4f from the exact ones%n", compared, worst);
        assertThat(compared).isGreaterThan(100);
    }

    /** Every rate with a value in an answer, by its path. */
    private static Map<String, JsonNode> rates(JsonNode node, String path) {
        Map<String, JsonNode> found = new HashMap<>();
        if (node.has("numerator") && node.has("denominator") && node.get("value").isNumber()) {
            found.put(path, node);
        }
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isObject()) {
                found.putAll(rates(f.getValue(), path + "/" + f.getKey()));
            }
        });
        return found;
    }

    /**
     * A published rate against the exact one: where its published denominator reaches the rule (docs/statistics.md,
     * "Rates and intervals"), in steps of whole points within a point of the exact one, fitting at least two
     * numerators for every denominator within 4 of the published one, so value × n gives back no count (returns
     * how far off it is); below the rule, the ratio of the published counts (returns −1).
     */
    private static double compare(String at, JsonNode shown, double exact) {
        long a = shown.get("numerator").asLong();
        long n = shown.get("denominator").asLong();
        double value = shown.get("value").asDouble();
        long step = n - 4 > 100 && a >= 10 && n - a >= 10 ? 200 / (n - 4) + 1 : 0;
        if (step == 0 || step > 2) {
            assertThat(value).as(at + ": the ratio of the published counts").isCloseTo((double) a / n, within(1e-4));
            return -1;
        }
        assertThat(value).as(at + " against the exact " + exact).isCloseTo(exact, within(0.01 + 1e-9));
        long points = Math.round(value * 100);
        assertThat(points % step).as(at + ": steps of " + step + " points").isZero();
        for (long candidate = n - 4; candidate <= n + 4; candidate++) {
            long fitting = 0;
            // Only numerators within two points of value × candidate can round to the value's step.
            long first = Math.max(0, (long) Math.floor(candidate * (value - 0.02)));
            for (long numerator = first; numerator <= Math.min(candidate, (long) Math.ceil(candidate * (value + 0.02))); numerator++) {
                fitting += step * Math.round(100.0 * numerator / candidate / step) == points ? 1 : 0;
            }
            assertThat(fitting).as(at + ": numerators of " + candidate + " giving " + value).isNotEqualTo(1);
        }
        return Math.abs(value - exact);
    }

    @Test
    void children_are_placed_out_of_home_in_both_work_models_and_less_often_in_the_team_as_the_synthetic_city_assumes() {
        double[] ordinary = exactPlacementsPerConcern("ORDINARY");
        double[] team = exactPlacementsPerConcern("VALLINGBY_TEAM");
        System.out.printf("Demo placements per concern: ordinary %.4f, team %.4f%n", ordinary[0] / ordinary[1], team[0] / team[1]);
        assertThat(ordinary[0]).as("placements in ordinary work").isGreaterThan(20);
        assertThat(team[0]).as("placements in the team").isGreaterThan(5);
        assertThat(team[0] / team[1]).isLessThan(ordinary[0] / ordinary[1]);
    }

    /** {placements, concerns} summed from each district's own exact figures. */
    private double[] exactPlacementsPerConcern(String workModel) {
        double[] sums = new double[2];
        for (JsonNode district : analyst().get("/api/v1/districts").json()) {
            String code = district.get("code").asText();
            JsonNode figures = as(DemoUsers.userIdFor(code)).get("/api/v1/stats/districts/" + code + "?workModel=" + workModel).json();
            sums[0] += figures.at("/placements/placements").asLong();
            sums[1] += figures.at("/funnel/concerns").asLong();
        }
        return sums;
    }

    @Test
    void the_effect_on_re_referral_and_late_support_is_published_under_the_same_output_rules() {
        for (String metric : List.of("reReferral12m", "lateSupport", "placementWithin24m")) {
            Api.Response response = analyst().get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=" + metric);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode effect = response.json();
            JsonNode aggregate = effect.path("aggregate");
            System.out.printf("Demo rollout effect on %s: %s%n", metric, aggregate);
            assertThat(effect.path("metric").asText()).isEqualTo(metric);
            assertThat(effect.path("unit").asText()).isEqualTo("share");
            assertThat(effect.path("protection").isObject()).as("the output rules are stated").isTrue();
            if (aggregate.path("att").isNumber()) {
                double att = aggregate.path("att").asDouble();
                assertThat(att * 100).as("whole percentage points").isCloseTo(Math.rint(att * 100), within(1e-6));
                if (aggregate.path("low").isNumber() && aggregate.path("high").isNumber()) {
                    assertThat(aggregate.path("low").asDouble()).isBetween(-1.0, att);
                    assertThat(aggregate.path("high").asDouble()).isBetween(att, 1.0);
                } else {
                    assertThat(effect.path("warnings").toString()).as("an effect without an interval says why")
                            .contains("interval is not published");
                }
                assertThat(aggregate.path("n").asInt()).as("the treated district-months it rests on").isPositive();
            } else {
                assertThat(aggregate.path("withheld").asText()).as("withheld with the reason: " + aggregate).isNotBlank();
            }
            if (metric.equals("reReferral12m")) {
                assertThat(aggregate.path("low").isNumber() && aggregate.path("high").isNumber())
                        .as("one treated district: the interval is the wild bootstrap's " + aggregate).isTrue();
            }
        }
    }

    @Test
    void a_plans_power_is_simulated_for_the_metric_asked_and_other_metrics_are_400() {
        Map<String, Object> request = new HashMap<>(Map.of("workModel", "VALLINGBY_TEAM", "districts",
                List.of("bromma", "enskede-arsta-vantor", "farsta", "hagersten-alvsjo", "kungsholmen", "norra-innerstaden",
                        "skarpnack", "skarholmen", "sodermalm", "jarva"),
                "firstWaveStart", "2027-01-01", "waves", 4, "monthsPerWave", 3, "design", "STEPPED_WEDGE", "seed", 2026));
        request.putAll(Map.of("targetEffect", 0.10, "dryRun", true, "simulations", 60));
        JsonNode acceptance = analyst().post("/api/v1/rollout-plans", request).json().path("powerAnalysis");
        request.put("metric", "concernToAcceptedIntervention");
        Api.Response concerns = analyst().post("/api/v1/rollout-plans", request);
        assertThat(concerns.status()).as(concerns.toString()).isEqualTo(200);
        JsonNode analysis = concerns.json().path("powerAnalysis");

        assertThat(acceptance.path("metric").asText()).as("acceptance unless asked").isEqualTo("acceptanceRate");
        assertThat(analysis.path("metric").asText()).isEqualTo("concernToAcceptedIntervention");
        assertThat(analysis.at("/districts/0/source").asText()).startsWith("protected counts of");
        assertThat(analysis.path("districts").findValuesAsText("acceptanceRate"))
                .as("the rates read are the metric's, not acceptance's")
                .isNotEqualTo(acceptance.path("districts").findValuesAsText("acceptanceRate"));
        assertThat(analysis.path("districts").findValuesAsText("answersPerMonth"))
                .as("the volumes read are the metric's denominators")
                .isNotEqualTo(acceptance.path("districts").findValuesAsText("answersPerMonth"));
        request.put("metric", "lateSupport");
        assertThat(analyst().post("/api/v1/rollout-plans", request).json().at("/powerAnalysis/metric").asText())
                .isEqualTo("lateSupport");

        request.put("metric", "leadTimeToIntervention");
        assertThat(assertProblem(analyst().post("/api/v1/rollout-plans", request), 400).toString()).contains("metric");
        request.put("metric", "happiness");
        assertThat(assertProblem(analyst().post("/api/v1/rollout-plans", request), 400).toString()).contains("metric");
    }

    @Test
    void the_rollout_effect_on_the_demo_data_recovers_the_built_in_effect_within_its_interval() {
        JsonNode effect = analyst().get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate").json();
        JsonNode aggregate = effect.path("aggregate");
        double builtIn = Intake.TEAM_ACCEPTANCE - Intake.ORDINARY_ACCEPTANCE;
        double att = aggregate.path("att").asDouble();
        double low = aggregate.path("low").asDouble();
        double high = aggregate.path("high").asDouble();
        System.out.printf("Demo rollout effect on acceptance: %s (95 %% interval %s to %s); Hässelby-Vällingby's spells: %s%n",
                att, low, high, effect.path("spells"));
        assertThat(att).as(aggregate.toString()).isCloseTo(builtIn, within(0.08));
        assertThat(low).as(aggregate.toString()).isLessThanOrEqualTo(builtIn).isGreaterThanOrEqualTo(-1);
        assertThat(high).as(aggregate.toString()).isGreaterThanOrEqualTo(builtIn).isLessThanOrEqualTo(1);
        assertThat(high - low).as("interval width " + aggregate).isLessThanOrEqualTo(0.20 + 1e-9);
        assertThat(att * 100).as("whole percentage points").isCloseTo(Math.rint(att * 100), within(1e-6));
        assertThat(aggregate.path("treatedDistricts").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(effect.at("/randomisationInference/available").asBoolean()).as("the pilot does not block the plan's draws")
                .isTrue();
        assertThat(effect.at("/randomisationInference/planId").asText()).isEqualTo(DemoRollout.PLAN_ID);
        assertThat(effect.path("sensitivity")).hasSize(3);
    }

    @Test
    void the_suspension_of_the_hasselby_vallingby_pilot_shows_a_fall_in_acceptance_whose_interval_excludes_zero() {
        JsonNode spells = analyst().get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate").json()
                .path("spells");
        JsonNode suspension = null;
        for (JsonNode spell : spells) {
            if (spell.path("district").asText().equals(DemoRollout.HV) && spell.path("kind").asText().equals("SUSPENSION")) {
                suspension = spell;
            }
        }
        assertThat(suspension).as(spells.toString()).isNotNull();
        assertThat(suspension.path("from").asText()).isEqualTo("2023-01-01");
        assertThat(suspension.path("estimate").asDouble()).as(suspension.toString()).isNegative();
        assertThat(suspension.path("high").asDouble()).as(suspension.toString()).isLessThan(0);
    }

    @Test
    void the_team_reaches_younger_children_works_with_fewer_workers_and_more_partners() {
        Map<String, JsonNode> byModel = new HashMap<>();
        analyst().get("/api/v1/stats/city?groupBy=workModel").json().forEach(row -> byModel.put(row.at("/group/workModel").asText(), row));
        JsonNode team = byModel.get("VALLINGBY_TEAM");
        JsonNode ordinary = byModel.get("ORDINARY");
        assertThat(team.at("/ageAtConcern/shareUnder10/value").asDouble())
                .isGreaterThan(ordinary.at("/ageAtConcern/shareUnder10/value").asDouble());
        assertThat(team.at("/workersPerCase/mean").asDouble()).isLessThan(ordinary.at("/workersPerCase/mean").asDouble());
        assertThat(team.at("/collaborationsByPartner/PRESCHOOL").asDouble() / team.at("/funnel/concerns").asDouble())
                .isGreaterThan(ordinary.at("/collaborationsByPartner/PRESCHOOL").asDouble() / ordinary.at("/funnel/concerns").asDouble());
        assertThat(ordinary.at("/deadlineBreaches/INITIAL_ASSESSMENT").asLong()).isPositive();
        assertThat(ordinary.at("/investigationLength/overDue/value").asDouble()).isGreaterThan(0.05);
        assertThat(ordinary.at("/reReferral/value").asDouble()).isPositive();
        assertThat(as("hv-admin").get("/api/v1/stats/districts/hasselby-vallingby").json().path("openAccessSupport").size())
                .isPositive();
        assertThat(as("hv-admin").get("/api/v1/districts/hasselby-vallingby/deadlines").json().findValues("overdue"))
                .anyMatch(JsonNode::asBoolean);
    }

    @Test
    void the_rollout_story_runs_from_the_pilot_to_the_first_waves_of_an_approved_plan() {
        JsonNode hv = analyst().get("/api/v1/districts/hasselby-vallingby/rollout").json().path("timeline");
        assertThat(kinds(hv)).containsSubsequence("ADOPTED", "SUSPENDED", "REINSTATED");
        assertThat(hv.findValuesAsText("source")).contains("Social investment fund");
        assertThat(hv.findValuesAsText("reason")).contains("BUDGET");
        JsonNode plan = analyst().get("/api/v1/rollout-plans/" + DemoRollout.PLAN_ID).json();
        assertThat(plan.toString()).contains("STEPPED_WEDGE");
        int adopted = 0;
        int plannedOnly = 0;
        for (JsonNode district : analyst().get("/api/v1/districts").json()) {
            if (district.path("code").asText().equals("hasselby-vallingby")) {
                continue;
            }
            if ("VALLINGBY_TEAM".equals(district.path("workModelInForce").asText())) {
                adopted++;
            } else {
                plannedOnly++;
            }
        }
        assertThat(adopted).isBetween(3, 9);
        assertThat(plannedOnly).isPositive();
    }

    @Test
    void every_event_of_the_demo_data_is_marked_synthetic_and_written_by_the_demo_data() {
        Long unmarked = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type <> 'WorkModelDefinition' AND "
                + "(convert_from(metadata, 'UTF8')::jsonb ->> 'synthetic') IS DISTINCT FROM 'true'", Long.class);
        Long marked = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE "
                + "convert_from(metadata, 'UTF8')::jsonb @> '{\"synthetic\": true, \"actorUser\": \"demo-data\"}'", Long.class);
        assertThat(unmarked).isZero();
        assertThat(marked).isGreaterThan(40_000);
    }

    @Test
    void the_load_and_its_progress_are_for_the_platform_admin_to_see() {
        JsonNode progress = as("admin").get("/api/v1/admin/demo-data").json();
        assertThat(progress.path("state").asText()).isEqualTo("DONE");
        assertThat(progress.path("failed").asInt()).isZero();
        assertThat(progress.path("written").asInt()).isEqualTo(progress.path("stories").asInt());
        assertThat(as("analyst").get("/api/v1/admin/demo-data").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/admin/demo-data").status()).isEqualTo(401);
    }

    private List<String> groups(String path) {
        List<String> codes = new ArrayList<>();
        analyst().get(path).json().forEach(row -> codes.add(row.at("/group/district").asText()));
        return codes;
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }
}
