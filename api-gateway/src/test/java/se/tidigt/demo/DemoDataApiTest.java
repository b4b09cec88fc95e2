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
    void the_effect_on_re_referral_and_late_support_is_published_under_the_same_output_rules() {
        for (String metric : List.of("reReferral12m", "lateSupport")) {
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
