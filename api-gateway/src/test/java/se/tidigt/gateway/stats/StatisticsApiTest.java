package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * A known set of cases written through the command side, and every figure asserted exactly, worked
 * out by hand in the comments. Hässelby-Vällingby runs the Vällingby team from 2024-01-01; Farsta
 * works the ordinary way; one case was raised in Rinkeby-Kista in 2022 (Järva since 2023); one
 * Hässelby-Vällingby case moves to Farsta. A context of its own, so no other test's cases count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "tidigt.stats.suppression-threshold=5")
class StatisticsApiTest extends ApiTest {
    private static final LocalDate BORN_A = LocalDate.of(2015, 6, 10);  // 8 at concern in March 2024
    private String childA;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.eventsourcing.eventstore.EventStorageEngine storage;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @BeforeAll
    void writeTheCases() {
        Api admin = as("admin");
        assertThat(admin.post("/api/v1/districts/hasselby-vallingby/rollout/adoptions",
                Map.of("workModel", "VALLINGBY_TEAM", "effectiveFrom", "2024-01-01")).status()).isEqualTo(201);
        childA = CaseScript.child(BORN_A, 1);
        Api hv = hv();
        // H1: child A, 8. Initial after 6 days, offer after 8, accepted, started after 16, ended, closed 2024-06-05.
        CaseScript.raise(hv, "hasselby-vallingby", "2024-03-04T09:00:00Z", childA)
                .protection("2024-03-04T15:00:00Z").initial("2024-03-10T10:00:00Z", "EARLY_SUPPORT")
                .worker("w1", "2024-03-10T10:00:00Z").collaboration("SCHOOL", "2024-03-11T10:00:00Z")
                .collaboration("SCHOOL", "2024-03-12T09:00:00Z").offer("2024-03-12T10:00:00Z")
                .accept("2024-03-13T10:00:00Z").start("2024-03-20T10:00:00Z").end("2024-06-01T10:00:00Z")
                .close("2024-06-05T10:00:00Z");
        // H2: child B, 14. Protection a day late, initial after 20 days (late), investigation 61 days, offer after
        // 84 days, accepted, started after 90 days; two workers; moves to Farsta.
        CaseScript.raise(hv, "hasselby-vallingby", "2024-03-05T09:00:00Z", CaseScript.child(LocalDate.of(2009, 8, 3), 2))
                .protection("2024-03-07T09:00:00Z").initial("2024-03-25T10:00:00Z", "OPEN_INVESTIGATION")
                .investigation("2024-03-26T10:00:00Z", "2024-05-26T10:00:00Z").worker("w2", "2024-03-26T10:00:00Z")
                .worker("w3", "2024-05-27T10:00:00Z").collaboration("POLICE", "2024-04-01T10:00:00Z")
                .offer("2024-05-28T10:00:00Z").accept("2024-05-30T10:00:00Z").start("2024-06-03T10:00:00Z")
                .transfer("farsta", "2024-07-01T10:00:00Z");
        // H3: child C, 12. Initial after 9 days, offer after 12, declined, closed.
        CaseScript.raise(hv, "hasselby-vallingby", "2024-03-06T09:00:00Z", CaseScript.child(LocalDate.of(2011, 9, 20), 3))
                .protection("2024-03-06T12:00:00Z").initial("2024-03-15T10:00:00Z", "EARLY_SUPPORT")
                .offer("2024-03-18T10:00:00Z").decline("2024-03-19T10:00:00Z").close("2024-03-25T10:00:00Z");
        Api farsta = as("farsta-admin");
        // F1: child A again, three months after H1 closed: a re-referral. Initial after 18 days (late), closed.
        CaseScript.raise(farsta, "farsta", "2024-09-02T09:00:00Z", childA).protection("2024-09-02T12:00:00Z")
                .initial("2024-09-20T10:00:00Z", "NO_ACTION").close("2024-09-21T10:00:00Z");
        // F2: child D, 5. First offer after 9 days declined, a second accepted, started after 20 days.
        CaseScript.raise(farsta, "farsta", "2024-04-02T09:00:00Z", CaseScript.child(LocalDate.of(2018, 10, 1), 4))
                .protection("2024-04-03T09:00:00Z").initial("2024-04-10T10:00:00Z", "EARLY_SUPPORT")
                .offer("2024-04-11T10:00:00Z").decline("2024-04-12T10:00:00Z").offer("2024-04-15T10:00:00Z")
                .accept("2024-04-16T10:00:00Z").start("2024-04-22T10:00:00Z");
        assertThat(farsta.post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", "2024-05", "kind", "COUNSELLING", "count", 7)).status()).isEqualTo(201);
        // R1: child E, 16, in Rinkeby-Kista 2022; the intervention starts 2 years and a month after the concern.
        CaseScript.raise(as("jarva-admin"), "rinkeby-kista", "2022-10-03T09:00:00Z",
                        CaseScript.child(LocalDate.of(2006, 1, 15), 5))
                .protection("2022-10-03T12:00:00Z").initial("2022-10-05T10:00:00Z", "EARLY_SUPPORT")
                .offer("2022-10-06T10:00:00Z").accept("2022-10-07T10:00:00Z").start("2024-11-05T10:00:00Z");
        // M1: a case about both substance use and crime, in June 2023 (outside every other test's period).
        CaseScript.raise(hv, "hasselby-vallingby", "2023-06-07T09:00:00Z", CaseScript.child(LocalDate.of(2010, 2, 2), 6),
                "SUBSTANCE_USE_RISK", "CRIME_RISK");
        awaitStatisticsCaughtUp();
    }

    @Test
    void a_district_user_sees_every_figure_of_their_district_unsuppressed() {
        JsonNode hv = hv().get("/api/v1/stats/districts/hasselby-vallingby?from=2024-01&to=2024-12").json();
        assertThat(hv.get("suppressed")).isNull();
        assertThat(hv.get("funnel").toString()).isEqualTo("{\"concerns\":3,\"protectionAssessments\":3,"
                + "\"initialAssessments\":3,\"investigationsOpened\":1,\"investigationsConcluded\":1,\"offers\":3,"
                + "\"accepted\":2,\"declined\":1,\"interventionsStarted\":2,\"interventionsEnded\":1,\"casesClosed\":2,\"casesOpen\":1}");
        assertThat(hv.at("/protection/method").asText()).isEqualTo("none");
        // 2 accepted of 3 answered; Wilson: centre (2/3 + z²/6)/(1 + z²/3), half-width z·√(p(1-p)/3 + z²/36)/(1 + z²/3)
        assertRate(hv.get("acceptanceRate"), 0.6667, 2, 3);
        assertThat(hv.at("/acceptanceRate/low").asDouble()).isEqualTo(0.2077);
        assertThat(hv.at("/acceptanceRate/high").asDouble()).isEqualTo(0.9385);
        assertRate(hv.get("investigationToIntervention"), 1.0, 1, 1);
        assertRate(hv.get("concernToInvestigation"), 0.3333, 1, 3);
        assertRate(hv.get("initialAssessmentWithin14Days"), 0.6667, 2, 3);   // 6 and 9 days yes, 20 no
        assertDistribution(hv.at("/leadTimes/concernToInitialAssessment"), 3, 9, 20);   // 6, 9, 20
        assertDistribution(hv.at("/leadTimes/concernToFirstOffer"), 3, 12, 84);         // 8, 12, 84
        assertDistribution(hv.at("/leadTimes/concernToInterventionStart"), 2, 16, 90);  // 16, 90
        assertDistribution(hv.get("investigationLength"), 1, 61, 61);
        assertRate(hv.at("/investigationLength/overDue"), 0.0, 0, 1);                  // due 2024-07-26
        assertRate(hv.get("reReferral"), 0.5, 1, 2);   // H1's child back in Farsta within 12 months; H3's not
        assertThat(hv.at("/ageAtConcern/byYear").toString()).isEqualTo("{\"8\":1,\"12\":1,\"14\":1}");
        assertRate(hv.at("/ageAtConcern/shareUnder10"), 0.3333, 1, 3);
        assertRate(hv.at("/ageAtConcern/share13to17"), 0.3333, 1, 3);
        assertThat(hv.at("/ageAtFirstIntervention/byYear").toString()).isEqualTo("{\"8\":1,\"14\":1}");
        assertThat(hv.at("/lateSupport/children").asInt()).isEqualTo(3);
        assertRate(hv.at("/lateSupport/shareTwoYearsOrMore"), 0.0, 0, 2);
        assertThat(hv.at("/workersPerCase/n").asInt()).isEqualTo(2);
        assertThat(hv.at("/workersPerCase/mean").asDouble()).isEqualTo(1.5);
        assertThat(hv.get("collaborationsByPartner").toString()).isEqualTo("{\"POLICE\":1,\"SCHOOL\":2}");
        assertThat(hv.get("deadlineBreaches").toString())
                .isEqualTo("{\"PROTECTION_ASSESSMENT\":1,\"INITIAL_ASSESSMENT\":1,\"INVESTIGATION\":0}");
    }

    @Test
    void a_transferred_case_counts_where_its_concern_was_raised_and_open_access_support_beside_the_cases() {
        JsonNode farsta = as("farsta-admin").get("/api/v1/stats/districts/farsta?from=2024-01&to=2024-12").json();
        assertThat(farsta.at("/funnel/concerns").asInt()).isEqualTo(2);
        assertThat(farsta.at("/funnel/offers").asInt()).isEqualTo(2);
        assertRate(farsta.get("acceptanceRate"), 0.5, 1, 2);
        assertThat(farsta.at("/acceptanceRate/low").asDouble()).isEqualTo(0.0945);
        assertThat(farsta.at("/acceptanceRate/high").asDouble()).isEqualTo(0.9055);
        assertRate(farsta.get("initialAssessmentWithin14Days"), 0.5, 1, 2);   // 8 days yes, 18 no
        assertDistribution(farsta.at("/leadTimes/concernToFirstOffer"), 1, 9, 9);
        assertRate(farsta.get("reReferral"), 0.0, 0, 1);
        assertThat(farsta.at("/lateSupport/children").asInt()).as("child A's first case was in Hässelby-Vällingby").isEqualTo(1);
        assertThat(farsta.at("/deadlineBreaches/INITIAL_ASSESSMENT").asInt()).isEqualTo(1);
        assertThat(farsta.get("openAccessSupport").toString()).isEqualTo("{\"COUNSELLING\":7}");
    }

    @Test
    void a_case_of_a_district_merged_in_2023_counts_for_todays_district_or_as_it_was() {
        JsonNode jarva = as("jarva-admin").get("/api/v1/stats/districts/jarva").json();
        assertThat(jarva.at("/funnel/concerns").asInt()).isEqualTo(1);
        assertDistribution(jarva.at("/leadTimes/concernToInterventionStart"), 1, 764, 764);
        assertThat(jarva.at("/lateSupport/yearsToFirstIntervention/medianYears").asDouble()).isEqualTo(2.0);
        assertRate(jarva.at("/lateSupport/shareTwoYearsOrMore"), 1.0, 1, 1);

        JsonNode historical = as("jarva-admin").get("/api/v1/stats/city?districts=historical").json();
        assertThat(historical).hasSize(1);
        assertThat(historical.at("/0/group/district").asText()).isEqualTo("rinkeby-kista");
    }

    /**
     * Every count an analyst sees is randomly rounded to a multiple of 5 by the cell-key method: the three
     * concerns of Hässelby-Vällingby in 2024 are shown as 0 or 5, never 3.
     */
    @Test
    void city_analysts_get_protected_counts_and_district_users_nothing_of_others() {
        JsonNode rows = as("analyst").get("/api/v1/stats/city?groupBy=district&from=2024-01&to=2024-12").json();
        assertThat(rows.at("/0/group/district").asText()).isEqualTo("farsta");
        JsonNode hvRow = rows.get(1);
        assertThat(hvRow.at("/group/district").asText()).isEqualTo("hasselby-vallingby");
        assertThat(hvRow.at("/funnel/concerns").asLong()).isIn(0L, 5L);
        assertThat(hvRow.at("/funnel/accepted").asLong()).as("two accepted offers").isIn(0L, 5L);
        assertThat(hvRow.at("/funnel/investigationsOpened").asLong()).isIn(0L, 5L);
        assertThat(hvRow.at("/deadlineBreaches/INVESTIGATION").asInt()).as("zero discloses nobody").isZero();
        assertThat(hvRow.at("/acceptanceRate/denominator").asLong()).as("answered = accepted + declined, both protected")
                .isEqualTo(hvRow.at("/funnel/accepted").asLong() + hvRow.at("/funnel/declined").asLong());
        assertThat(hvRow.at("/protection/method").asText()).isEqualTo("cell-key perturbation");
        assertThat(hvRow.at("/protection/threshold").asInt()).isEqualTo(5);
        assertThat(hvRow.at("/protection/noiseRange").toString()).isEqualTo("[-4,4]");
        assertThat(hvRow.at("/protection/perturbationTable").asText()).isEqualTo("tidigt-ckm-running-rounding-k5-v2");
        assertThat(hvRow.at("/protection/varianceBound").asDouble()).isEqualTo(6.25);
        assertThat(hvRow.at("/leadTimes/concernToFirstOffer/medianDays").isNull()).as("a median of three is withheld").isTrue();
        assertThat(hvRow.get("suppressedFields").toString()).contains("leadTimes.concernToFirstOffer.medianDays");

        JsonNode byModel = as("analyst").get("/api/v1/stats/city?groupBy=workModel&from=2024-01&to=2024-12").json();
        assertThat(byModel.findValuesAsText("workModel")).containsExactly("ORDINARY", "VALLINGBY_TEAM");

        assertProblem(hv().get("/api/v1/stats/districts/farsta"), 403);
        JsonNode own = hv().get("/api/v1/stats/city?groupBy=workModel&from=2024-01").json();
        assertThat(own).hasSize(1);
        assertThat(own.at("/0/funnel/concerns").asInt()).isEqualTo(3);
        assertThat(own.at("/0/protection/method").asText()).isEqualTo("none");
    }

    @Test
    void differencing_periods_districts_or_work_models_gives_an_analyst_only_multiples_of_five_and_the_same_query_the_same_answer() {
        Api analyst = as("analyst");
        String hvStats = "/api/v1/stats/districts/hasselby-vallingby";
        JsonNode year = analyst.get(hvStats + "?from=2024-01&to=2024-12").json();
        JsonNode fromApril = analyst.get(hvStats + "?from=2024-04&to=2024-12").json();
        JsonNode march = analyst.get(hvStats + "?from=2024-03-01&to=2024-03-31").json();
        for (String count : new String[]{"/funnel/concerns", "/funnel/offers", "/funnel/accepted", "/funnel/declined"}) {
            assertThat((year.at(count).asLong() - fromApril.at(count).asLong()) % 5).as(count).isZero();
        }
        assertThat(march.at("/funnel/accepted").asLong()).as("March holds exactly two accepted offers").isIn(0L, 5L);
        JsonNode fromTheFifth = analyst.get(hvStats + "?from=2024-03-05&to=2024-03-31").json();
        assertThat(fromTheFifth.at("/funnel")).as("a day is widened to its month for an analyst").isEqualTo(march.at("/funnel"));
        assertThat(fromTheFifth.at("/protection/period/from").asText()).isEqualTo("2024-03-01");
        assertThat(analyst.get(hvStats + "?from=2024-01&to=2024-12").json()).isEqualTo(year);

        JsonNode ownFromTheFifth = hv().get(hvStats + "?from=2024-03-05&to=2024-03-31").json();
        assertThat(ownFromTheFifth.at("/funnel/concerns").asInt()).as("the district itself gets the day: H2 and H3").isEqualTo(2);

        JsonNode team = analyst.get("/api/v1/stats/city?groupBy=workModel&from=2024-01&to=2024-12").json();
        long cityTeam = team.get(1).at("/funnel/accepted").asLong();
        long farstaTeam = analyst.get("/api/v1/stats/districts/farsta?from=2024-01&to=2024-12&workModel=VALLINGBY_TEAM")
                .json().at("/funnel/accepted").asLong();
        long hvTeam = analyst.get(hvStats + "?from=2024-01&to=2024-12&workModel=VALLINGBY_TEAM").json().at("/funnel/accepted").asLong();
        assertThat((cityTeam - farstaTeam) % 5).as("city total minus the other districts: a multiple of five").isZero();
        assertThat(hvTeam).isIn(0L, 5L);

        JsonNode jarva = analyst.get("/api/v1/stats/districts/jarva").json();
        JsonNode spangaTensta = analyst.get("/api/v1/stats/districts/spanga-tensta").json();
        JsonNode rinkebyKista = analyst.get("/api/v1/stats/districts/rinkeby-kista").json();
        for (String count : new String[]{"/funnel/concerns", "/funnel/accepted"}) {
            assertThat((jarva.at(count).asLong() - spangaTensta.at(count).asLong()) % 5).as("Järva minus Spånga-Tensta " + count)
                    .isZero();
            assertThat(rinkebyKista.at(count).asLong()).isIn(0L, 5L);
        }
    }

    @Test
    void several_kinds_of_concern_count_a_case_once_and_bad_parameters_are_refused() {
        Api hv = hv();
        String hvStats = "/api/v1/stats/districts/hasselby-vallingby?from=2023-06&to=2023-06";
        assertThat(hv.get(hvStats + "&concern=SUBSTANCE_USE_RISK,CRIME_RISK").json().at("/funnel/concerns").asInt()).isEqualTo(1);
        assertThat(hv.get(hvStats + "&concern=CRIME_RISK").json().at("/funnel/concerns").asInt()).isEqualTo(1);
        assertThat(hv.get(hvStats + "&concern=VIOLENCE").json().at("/funnel/concerns").asInt()).isZero();
        assertProblem(hv.get(hvStats + "&concern=CRIME_RISK,NOT_A_KIND"), 400);
        assertProblem(hv.get("/api/v1/stats/districts/hasselby-vallingby?from=2024-13"), 400);
        assertProblem(hv.get("/api/v1/stats/districts/hasselby-vallingby?from=2024-05&to=2024-04"), 400);
        assertProblem(as("analyst").get("/api/v1/stats/city?to=yesterday"), 400);
        assertProblem(as("analyst").get("/api/v1/stats/rollout-effect?from=2024-02-30"), 400);
        assertProblem(hv().get("/api/v1/stats/districts/farsta?from=not-a-month"), 403);
        JsonNode effect = as("analyst").get("/api/v1/stats/rollout-effect?concern=SUBSTANCE_USE_RISK,CRIME_RISK&from=2022-01-01").json();
        assertThat(effect.at("/protection/method").asText()).startsWith("output rules for analytical results");
        assertThat(effect.at("/filters/concern").toString()).contains("CRIME_RISK", "SUBSTANCE_USE_RISK");
        assertThat(effect.at("/filters/from").asText()).isEqualTo("2022-01");
        assertThat(effect.at("/filters/ignored")).isEmpty();
    }

    @Test
    void csv_answers_follow_the_same_rules() {
        Api.Response csv = as("analyst").with("Accept", "text/csv").get("/api/v1/stats/city?from=2024-01&to=2024-12");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        java.util.List<String> header = java.util.List.of(lines[0].split(","));
        int concerns = header.indexOf("funnel.concerns");
        assertThat(concerns).isNotNegative();
        JsonNode json = as("analyst").get("/api/v1/stats/city?from=2024-01&to=2024-12").json();
        assertThat(lines[2].split(",", -1)[concerns]).as("protected as in JSON")
                .isEqualTo(json.at("/1/funnel/concerns").asText()).isIn("0", "5");
        int median = header.indexOf("leadTimes.concernToFirstOffer.medianDays");
        assertThat(lines[2].split(",", -1)[median]).as("withheld: an empty cell").isEmpty();

        Api.Response own = hv().with("Accept", "text/csv").get("/api/v1/stats/districts/hasselby-vallingby?from=2024-01");
        String[] ownLines = own.body().split("\r\n");
        int ownConcerns = java.util.List.of(ownLines[0].split(",")).indexOf("funnel.concerns");
        assertThat(ownLines[1].split(",", -1)[ownConcerns]).isEqualTo("3");
    }

    @Test
    void the_rollout_effect_states_its_method_and_warns_when_districts_are_too_few() {
        JsonNode effect = as("analyst").get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate").json();
        assertThat(effect.get("method").asText()).contains("Callaway", "not yet treated", "never treated");
        assertThat(effect.at("/aggregate/adoptedDistricts").asInt()).isEqualTo(1);
        assertThat(effect.at("/aggregate/treatedDistricts").asInt())
                .as("Hässelby-Vällingby has no month of data before its adoption: it cannot be in the estimate").isZero();
        assertThat(effect.at("/aggregate/excludedDistricts/0/reason").asText()).contains("base period");
        assertThat(effect.at("/aggregate/att").isNull()).isTrue();
        assertThat(effect.at("/aggregate/withheld").asText()).contains("20 answers");
        assertThat(effect.get("warnings").toString()).contains("Only 1 district", "hasselby-vallingby is left out");
        assertThat(effect.at("/protection/method").asText()).startsWith("output rules for analytical results");
        assertThat(effect.at("/protection/minimumAnswers").asInt()).isEqualTo(20);
        assertProblem(as("analyst").get("/api/v1/stats/rollout-effect?anticipation=13"), 400);
        assertProblem(as("analyst").get("/api/v1/stats/rollout-effect?anticipation=two"), 400);
        assertThat(as("analyst").get("/api/v1/stats/rollout-effect?anticipation=2").json().path("anticipation").asInt())
                .isEqualTo(2);
        assertThat(effect.get("caveat").asText()).contains("evidence, not proof");
        assertProblem(hv().get("/api/v1/stats/rollout-effect"), 403);
        assertProblem(as("analyst").get("/api/v1/stats/rollout-effect?metric=happiness"), 400);
    }

    @Test
    void every_projection_rebuilt_from_the_event_store_equals_the_one_built_live() {
        java.util.List<String> tables = se.tidigt.query.ProjectionTables.BY_PROCESSING_GROUP.values().stream()
                .flatMap(java.util.List::stream).sorted().toList();
        Map<String, java.util.List<String>> live = snapshot(tables);
        assertThat(live.get("case_fact")).hasSize(7);
        // Damage every projection, so only a real rebuild can restore it.
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " LIMIT 1)");
        }
        for (String processor : se.tidigt.query.ProjectionTables.BY_PROCESSING_GROUP.keySet()) {
            Api.Response accepted = as("admin").post("/api/v1/admin/projections/" + processor + "/replay", Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(snapshot(tables)).isEqualTo(live));
        JsonNode projections = as("admin").get("/api/v1/admin/projections").json();
        assertThat(projections.findValuesAsText("name")).contains("case-view", "rollout", "case-statistics");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                as("admin").get("/api/v1/admin/projections").json().findValues("replayProgressPercent"))
                .allSatisfy(progress -> assertThat(progress.asDouble()).isEqualTo(100.0)));
        assertProblem(as("admin").post("/api/v1/admin/projections/no-such/replay", Map.of()), 404);
        assertProblem(as("analyst").get("/api/v1/admin/projections"), 403);
        // The answers prepared while the rebuild ran are of its partial facts: the other tests read after the next.
        awaitStatisticsCaughtUp();
    }

    @Test
    void every_event_handled_a_second_time_changes_no_statistic() throws Exception {
        java.util.List<String> tables = se.tidigt.query.ProjectionTables.BY_PROCESSING_GROUP.get("case-statistics");
        Map<String, java.util.List<String>> once = snapshot(tables);
        org.axonframework.eventhandling.EventHandlerInvoker handlers = processing.eventProcessor("case-statistics")
                .map(p -> ((org.axonframework.eventhandling.AbstractEventProcessor) p).eventHandlerInvoker()).orElseThrow();
        transaction.executeWithoutResult(status -> storage.readEvents(null, false).forEach(event -> {
            try {
                handlers.handle(event, org.axonframework.eventhandling.Segment.ROOT_SEGMENT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(snapshot(tables)).isEqualTo(once);
    }

    private Map<String, java.util.List<String>> snapshot(java.util.List<String> tables) {
        Map<String, java.util.List<String>> rows = new java.util.TreeMap<>();
        for (String table : tables) {
            // The stamp of the statistics position a row was written at (V245) is bookkeeping, not content.
            rows.put(table, jdbc.queryForList("SELECT (to_jsonb(t) - 'changed_at_position')::text FROM " + table
                    + " t ORDER BY 1", String.class));
        }
        return rows;
    }

    static void assertRate(JsonNode rate, double value, long numerator, long denominator) {
        assertThat(rate.get("value").asDouble()).as(rate.toString()).isEqualTo(value);
        assertThat(rate.get("numerator").asLong()).isEqualTo(numerator);
        assertThat(rate.get("denominator").asLong()).isEqualTo(denominator);
    }

    static void assertDistribution(JsonNode distribution, int n, double median, double p90) {
        assertThat(distribution.get("n").asInt()).as(distribution.toString()).isEqualTo(n);
        assertThat(distribution.get("medianDays").asDouble()).isEqualTo(median);
        assertThat(distribution.get("p90Days").asDouble()).isEqualTo(p90);
    }
}
