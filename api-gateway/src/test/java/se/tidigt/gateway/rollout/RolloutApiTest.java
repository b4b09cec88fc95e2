package se.tidigt.gateway.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;

/** The rollout over real HTTP: work models, districts through time, timelines, and cases carrying their model. */
// A context of its own: a plan's power reads the districts' volumes from the statistics, and the few cases
// other classes record would leave every simulated cell below the output rules (and the plan without power).
@org.springframework.test.context.TestPropertySource(properties = "tidigt.test.context=rollout")
class RolloutApiTest extends ApiTest {
    private static final String TEAM = "VALLINGBY_TEAM";

    private Api admin() {
        return as("admin");
    }

    @Test
    void the_built_in_work_models_exist_from_the_start_and_an_admin_adds_others() {
        JsonNode models = as("analyst").get("/api/v1/work-models").json();
        assertThat(models.findValuesAsText("code")).contains("ORDINARY", TEAM);
        assertThat(models.toString()).contains("several functions");

        Api.Response defined = admin().post("/api/v1/work-models", Map.of("code", "FAMILY_CENTRE", "name", "Family centre",
                "principles", List.of("Support at the family centre")));
        assertThat(defined.status()).isEqualTo(201);
        assertThat(as("analyst").get("/api/v1/work-models").json().findValuesAsText("code")).contains("FAMILY_CENTRE");

        assertProblem(admin().post("/api/v1/work-models", Map.of("code", "FAMILY_CENTRE", "name", "Again",
                "principles", List.of("x"))), 409);
        assertProblem(as("analyst").post("/api/v1/work-models", Map.of("code", "OTHER_MODEL", "name", "x",
                "principles", List.of("x"))), 403);
        assertProblem(admin().post("/api/v1/work-models", Map.of("code", "lower case", "name", "x",
                "principles", List.of("x"))), 400);
    }

    @Test
    void districts_of_today_and_of_the_past() {
        JsonNode today = hv().get("/api/v1/districts").json();
        assertThat(today).hasSize(11);
        assertThat(today.findValuesAsText("code")).contains("jarva", "norra-innerstaden").doesNotContain("rinkeby-kista");
        JsonNode all = hv().get("/api/v1/districts?historical=true").json();
        assertThat(all).hasSize(15);
        JsonNode rinkeby = find(all, "rinkeby-kista");
        assertThat(rinkeby.get("validTo").asText()).isEqualTo("2023-06-30");
        assertThat(rinkeby.get("todaysDistrict").asText()).isEqualTo("jarva");
        assertThat(find(today, "farsta").get("workModelInForce").asText()).isNotBlank();
    }

    @Test
    void a_case_raised_after_the_adoption_carries_the_team_and_one_after_the_suspension_ordinary_work() {
        Api admin = admin();
        assertThat(admin.post("/api/v1/districts/hasselby-vallingby/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2021-01-01")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/districts/hasselby-vallingby/rollout/suspensions", Map.of("workModel", TEAM,
                "effectiveFrom", "2023-01-01", "reason", "BUDGET", "note", "Lack of budget and staff")).status()).isEqualTo(201);

        String during = hv().post("/api/v1/districts/hasselby-vallingby/cases",
                concern(childAged(15), Instant.parse("2022-05-10T09:00:00Z"))).json().get("caseId").asText();
        String after = hv().post("/api/v1/districts/hasselby-vallingby/cases",
                concern(childAged(15), Instant.parse("2024-05-10T09:00:00Z"))).json().get("caseId").asText();

        assertThat(hv().get("/api/v1/cases/" + during).json().get("workModel").asText()).isEqualTo(TEAM);
        assertThat(hv().get("/api/v1/cases/" + after).json().get("workModel").asText()).isEqualTo("ORDINARY");

        JsonNode timeline = hv().get("/api/v1/districts/hasselby-vallingby/rollout?on=2022-06-01").json();
        assertThat(timeline.get("workModelInForce").asText()).isEqualTo(TEAM);
        assertThat(timeline.get("timeline").findValuesAsText("kind")).containsSubsequence("ADOPTED", "SUSPENDED");
        assertThat(hv().get("/api/v1/districts/hasselby-vallingby/rollout?on=2024-01-01").json()
                .get("workModelInForce").asText()).isEqualTo("ORDINARY");
    }

    @Test
    void naming_a_model_the_district_does_not_run_that_day_is_409() {
        Map<String, Object> body = new java.util.HashMap<>(concern(childAged(10), Instant.parse("2024-02-01T09:00:00Z")));
        body.put("workModel", TEAM);
        JsonNode problem = assertProblem(as("skarholmen-admin").post("/api/v1/districts/skarholmen/cases", body), 409);
        assertThat(problem.get("rule").asText()).isEqualTo("work-model-not-in-force-in-district");
    }

    @Test
    void reinstating_funding_and_staffing_show_in_the_timeline() {
        Api admin = admin();
        admin.post("/api/v1/districts/bromma/rollout/adoptions", Map.of("workModel", TEAM, "effectiveFrom", "2022-01-01"));
        admin.post("/api/v1/districts/bromma/rollout/suspensions", Map.of("workModel", TEAM, "effectiveFrom", "2023-01-01",
                "reason", "RECRUITMENT"));
        Api.Response reinstated = admin.post("/api/v1/districts/bromma/rollout/reinstatements",
                Map.of("workModel", TEAM, "effectiveFrom", "2025-01-01"));
        assertThat(reinstated.status()).isEqualTo(201);
        assertThat(reinstated.json().get("version").asLong()).isEqualTo(3);
        assertThat(admin.post("/api/v1/districts/bromma/rollout/funding", Map.of("source", "Social investment fund",
                "amountSek", 4_500_000, "from", "2025-01-01", "to", "2026-12-31")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/districts/bromma/rollout/staffing", Map.of("effectiveFrom", "2025-01-01",
                "budgetedFte", 9, "filledFte", 7.5)).status()).isEqualTo(201);

        JsonNode timeline = hv().get("/api/v1/districts/bromma/rollout?on=2025-06-01").json();
        assertThat(timeline.get("workModelInForce").asText()).isEqualTo(TEAM);
        assertThat(timeline.get("timeline").findValuesAsText("kind"))
                .containsExactly("ADOPTED", "SUSPENDED", "REINSTATED", "FUNDING", "STAFFING");
        assertThat(timeline.get("timeline").get(3).get("amountSek").asLong()).isEqualTo(4_500_000);
    }

    @Test
    void rollout_rules_are_409_and_bad_input_400_and_nothing_is_stored() {
        Api admin = admin();
        admin.post("/api/v1/districts/kungsholmen/rollout/adoptions", Map.of("workModel", TEAM, "effectiveFrom", "2024-01-01"));
        assertThat(assertProblem(admin.post("/api/v1/districts/kungsholmen/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2024-06-01")), 409).get("rule").asText())
                .isEqualTo("work-model-already-in-force");
        assertThat(assertProblem(admin.post("/api/v1/districts/skarpnack/rollout/suspensions",
                Map.of("workModel", TEAM, "effectiveFrom", "2024-06-01", "reason", "BUDGET")), 409).get("rule").asText())
                .isEqualTo("work-model-not-in-force");
        assertThat(assertProblem(admin.post("/api/v1/districts/skarpnack/rollout/reinstatements",
                Map.of("workModel", TEAM, "effectiveFrom", "2024-06-01")), 409).get("rule").asText())
                .isEqualTo("work-model-not-suspended");
        assertProblem(admin.post("/api/v1/districts/jarva/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2023-01-01")), 400);
        assertProblem(admin.post("/api/v1/districts/skarpnack/rollout/funding", Map.of("source", "Fund",
                "amountSek", 100, "from", "2025-01-01", "to", "2024-12-31")), 400);
        assertProblem(admin.post("/api/v1/districts/skarpnack/rollout/funding", Map.of("source", "Fund",
                "amountSek", -5, "from", "2025-01-01", "to", "2025-12-31")), 400);
        assertProblem(admin.post("/api/v1/districts/skarpnack/rollout/adoptions",
                Map.of("workModel", "NO_SUCH_MODEL", "effectiveFrom", "2024-01-01")), 400);
        assertProblem(admin.post("/api/v1/districts/atlantis/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2024-01-01")), 404);
        assertProblem(hv().post("/api/v1/districts/skarpnack/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2024-01-01")), 403);
        assertThat(hv().get("/api/v1/districts/skarpnack/rollout").json().get("timeline")).isEmpty();
    }

    @Test
    void a_stepped_wedge_plan_is_reproducible_and_its_approval_plans_each_adoption() {
        Map<String, Object> request = Map.of("workModel", TEAM, "districts",
                List.of("enskede-arsta-vantor", "hagersten-alvsjo", "sodermalm", "norra-innerstaden", "jarva", "farsta"),
                "firstWaveStart", "2027-01-01", "waves", 3, "monthsPerWave", 6, "design", "STEPPED_WEDGE", "seed", 2026);
        Api.Response first = as("analyst").post("/api/v1/rollout-plans", request);
        Api.Response second = as("analyst").post("/api/v1/rollout-plans", request);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("schedule")).isEqualTo(second.json().get("schedule"));
        assertThat(first.json().get("createdBy").asText()).isEqualTo("analyst");
        assertThat(first.json().get("schedule").findValuesAsText("district")).hasSize(6).doesNotHaveDuplicates();
        assertThat(first.json().at("/comparisonByWave/1")).hasSize(4);
        assertThat(first.json().has("minimumDetectableEffect")).as("every plan states its power").isTrue();
        assertThat(first.json().at("/powerAnalysis/simulations").asInt()).isEqualTo(200);
        JsonNode stored = as("analyst").get("/api/v1/rollout-plans/" + first.json().get("planId").asText() + "?targetEffect=0.2").json();
        assertThat(stored.get("power").isNumber()).as("a stored plan's power, asked for later").isTrue();
        assertProblem(as("analyst").get("/api/v1/rollout-plans/" + first.json().get("planId").asText() + "?targetEffect=2"), 400);

        Map<String, Object> otherSeed = new java.util.HashMap<>(request);
        otherSeed.put("seed", 7);
        assertThat(as("analyst").post("/api/v1/rollout-plans", otherSeed).json().get("schedule"))
                .isNotEqualTo(first.json().get("schedule"));

        String planId = first.json().get("planId").asText();
        assertProblem(as("analyst").post("/api/v1/rollout-plans/" + planId + "/approval", Map.of()), 403);
        JsonNode approved = admin().post("/api/v1/rollout-plans/" + planId + "/approval", Map.of()).json();
        assertThat(approved.get("approvedBy").asText()).isEqualTo("admin");
        assertProblem(admin().post("/api/v1/rollout-plans/" + planId + "/approval", Map.of()), 409);

        JsonNode wave = first.json().get("schedule").get(0);
        JsonNode planned = hv().get("/api/v1/districts/" + wave.get("district").asText() + "/rollout").json()
                .get("plannedAdoptions");
        assertThat(planned.findValuesAsText("effectiveFrom")).contains(wave.get("start").asText());
        assertProblem(hv().get("/api/v1/rollout-plans/no-such-plan"), 404);
    }

    @Test
    void a_dry_run_answers_the_power_of_a_plan_and_stores_nothing() {
        se.tidigt.gateway.support.EventStoreCounter store = new se.tidigt.gateway.support.EventStoreCounter(jdbc);
        Map<String, Object> request = new java.util.HashMap<>(Map.of("workModel", TEAM, "districts",
                List.of("bromma", "enskede-arsta-vantor", "farsta", "hagersten-alvsjo", "kungsholmen", "norra-innerstaden",
                        "skarpnack", "skarholmen", "sodermalm", "jarva", "hasselby-vallingby"),
                "firstWaveStart", "2027-01-01", "waves", 4, "monthsPerWave", 3, "design", "STEPPED_WEDGE", "seed", 2026));
        request.putAll(Map.of("targetEffect", 0.10, "dryRun", true, "acceptanceRate", 0.5, "simulations", 100));
        long before = store.stored();
        long plans = jdbc.queryForObject("SELECT count(*) FROM rollout_plan", Long.class);
        request.put("answersPerMonth", 5);
        Api.Response few = as("analyst").post("/api/v1/rollout-plans", request);
        request.put("answersPerMonth", 60);
        Api.Response many = as("analyst").post("/api/v1/rollout-plans", request);
        assertThat(few.status()).as(few.toString()).isEqualTo(200);
        assertThat(few.json().get("dryRun").asBoolean()).isTrue();
        assertThat(few.json().get("schedule").findValuesAsText("district")).hasSize(11);
        assertThat(few.json().get("power").asDouble()).as("power rises with the volume of answers")
                .isLessThan(many.json().get("power").asDouble());
        assertThat(few.json().get("minimumDetectableEffect").asDouble())
                .isGreaterThan(many.json().get("minimumDetectableEffect").asDouble());
        assertThat(many.json().at("/powerAnalysis/districts/0/source").asText()).isEqualTo("given in the request");
        assertThat(as("analyst").post("/api/v1/rollout-plans", request).json()).as("seeded: the same answer")
                .isEqualTo(many.json());
        assertThat(store.stored()).as("a dry run stores nothing").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rollout_plan", Long.class)).isEqualTo(plans);

        request.put("targetEffect", 1.5);
        assertProblem(as("analyst").post("/api/v1/rollout-plans", request), 400);
        request.put("targetEffect", 0.1);
        request.put("districts", List.of("atlantis", "farsta"));
        assertProblem(as("analyst").post("/api/v1/rollout-plans", request), 400);
        assertProblem(hv().post("/api/v1/rollout-plans", Map.of("workModel", TEAM, "districts", List.of("farsta"),
                "firstWaveStart", "2027-01-01", "waves", 1, "monthsPerWave", 3, "design", "STEPPED_WEDGE", "seed", 1,
                "dryRun", true)), 403);
        assertThat(store.stored()).isEqualTo(before);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (item.get("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError(code + " not in " + items);
    }
}
