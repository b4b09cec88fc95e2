package se.tidigt.platform.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * A projection handler that throws is never skipped: in the write's transaction it fails the write;
 * in the statistics it parks the case's events (and only that case's) until they go through.
 */
@AutoConfigureObservability
// A context of its own (test-only handlers): closed after the class so its connections go back to the server.
@org.springframework.test.annotation.DirtiesContext
@Import({HandlersMadeToFail.Statistics.class, HandlersMadeToFail.CaseView.class})
@TestPropertySource(properties = {"tidigt.projections.parked-retry-interval=PT1S",
        "tidigt.projections.parked-max-attempts=3"})
class FailingProjectionHandlersApiTest extends ApiTest {
    private static final String PROJECTIONS = "/api/v1/admin/projections";

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void disarm() {
        HandlersMadeToFail.THROW_FOR.clear();
        HandlersMadeToFail.BAD_SQL_FOR.clear();
        HandlersMadeToFail.CASE_VIEW_FAILS_FOR.clear();
    }

    @Test
    void a_failing_case_view_handler_fails_the_write_and_nothing_is_stored() {
        String caseId = raiseCase();
        EventStoreCounter counter = new EventStoreCounter(jdbc);
        long before = counter.stored();
        HandlersMadeToFail.CASE_VIEW_FAILS_FOR.add(caseId);

        assertProblem(assess(caseId), 500);

        assertThat(counter.stored()).as("no event without its view row").isEqualTo(before);
        HandlersMadeToFail.CASE_VIEW_FAILS_FOR.clear();
        assertThat(assess(caseId).status()).as("the case still takes writes").isEqualTo(200);
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void a_case_whose_statistics_handler_fails_is_parked_and_retried_while_other_cases_go_on() {
        String bad = raiseCase();
        HandlersMadeToFail.THROW_FOR.add(bad);
        assess(bad);
        String good = raiseCase();
        assess(good);

        await().atMost(Duration.ofSeconds(20)).until(() -> protectionAssessed(good));
        JsonNode parked = awaitParked(bad, 3);
        assertThat(parked.get("firstEventType").asText()).isEqualTo("ProtectionNeedAssessed");
        completeInitialAssessment(bad);
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedCase(bad).get("events").asLong() == 2);
        assertThat(parked.get("causeMessage").asText()).contains("made to fail");
        assertThat(protectionAssessed(bad)).as("the bad case's assessment is not in the statistics yet").isFalse();
        // Past the automatic attempts the events stay parked; the operator's retry still tries.
        assertThat(retry(bad).get("handled").asBoolean()).isFalse();
        assertThat(parkedCase(bad).get("attempts").asLong()).isEqualTo(4);

        HandlersMadeToFail.THROW_FOR.remove(bad);
        assertThat(retry(bad).get("handled").asBoolean()).isTrue();
        assertThat(parkedCase(bad)).isNull();
        assertThat(protectionAssessed(bad)).as("its events reached the statistics, in order").isTrue();
        assertThat(jdbc.queryForObject("SELECT initial_decision FROM case_fact WHERE case_id = ?", String.class, bad))
                .isEqualTo("NO_ACTION");
    }

    @Test
    void an_event_whose_sql_fails_is_parked_and_an_automatic_retry_heals_it_once_the_fault_is_gone() {
        String bad = raiseCase();
        HandlersMadeToFail.BAD_SQL_FOR.add(bad);
        assess(bad);
        String good = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json()
                .get("caseId").asText();

        awaitParked(bad, 1);
        HandlersMadeToFail.BAD_SQL_FOR.remove(bad);
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(good) == 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> parkedCase(bad) == null);
        assertThat(protectionAssessed(bad)).isTrue();
    }

    @Test
    void parked_events_show_in_health_and_metrics_and_an_operator_can_evict_them() {
        String bad = raiseCase();
        HandlersMadeToFail.THROW_FOR.add(bad);
        assess(bad);
        awaitParked(bad, 1);
        completeInitialAssessment(bad);
        await().atMost(Duration.ofSeconds(20)).until(() -> parkedCase(bad).get("events").asLong() == 2);

        JsonNode health = anonymous().get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/projections/status").asText()).isEqualTo("DEGRADED");
        assertThat(anonymous().get("/actuator/health/readiness").status()).as("still serving").isEqualTo(200);
        assertThat(as("admin").get("/actuator/prometheus").body())
                .containsPattern("tidigt_projection_parked_events\\{[^}]*processor=\"case-statistics\"[^}]*} [1-9]");

        assertProblem(hv().delete(PROJECTIONS + "/case-statistics/parked/" + bad), 403);
        JsonNode evicted = admin().delete(PROJECTIONS + "/case-statistics/parked/" + bad).json();
        assertThat(evicted.get("evicted").asLong()).isEqualTo(2);
        assertThat(parkedCase(bad)).isNull();
        assertProblem(admin().delete(PROJECTIONS + "/case-statistics/parked/" + bad), 404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin().get(PROJECTIONS).body())
                .as("nothing else parked").contains("\"parked\":{\"cases\":0,\"events\":0"));
        assertThat(anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    private JsonNode awaitParked(String caseId, long attempts) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode parked = parkedCase(caseId);
            return parked != null && parked.get("attempts").asLong() >= attempts;
        });
        return parkedCase(caseId);
    }

    private JsonNode parkedCase(String caseId) {
        for (JsonNode projection : admin().get(PROJECTIONS).json()) {
            if (projection.get("name").asText().equals("case-statistics")) {
                for (JsonNode parked : projection.at("/parked/parked")) {
                    if (parked.get("caseId").asText().equals(caseId)) {
                        return parked;
                    }
                }
            }
        }
        return null;
    }

    private JsonNode retry(String caseId) {
        return admin().post(PROJECTIONS + "/case-statistics/parked/" + caseId + "/retry", "").json();
    }

    /** A new case, once the statistics have its concern (so what a test arms next concerns later events). */
    private String raiseCase() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json()
                .get("caseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> facts(caseId) == 1);
        return caseId;
    }

    private Api.Response assess(String caseId) {
        return hv().post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false));
    }

    private void completeInitialAssessment(String caseId) {
        assertThat(hv().post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(1).toString(), "decision", "NO_ACTION")).status()).isEqualTo(200);
    }

    private long facts(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM case_fact WHERE case_id = ?", Long.class, caseId);
    }

    private boolean protectionAssessed(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM case_fact WHERE case_id = ? AND protection_assessed_at IS NOT NULL",
                Long.class, caseId) == 1;
    }

    private Api admin() {
        return as("admin");
    }
}
