package se.tidigt.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.audit.AuditCases.raise;
import static se.tidigt.gateway.audit.AuditCases.recordedAt;
import static se.tidigt.gateway.audit.AuditCases.write;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** An auditor replays a case from the event store: its history, and its state as known and as lived. */
class CaseHistoryApiTest extends ApiTest {

    @Test
    void the_history_lists_the_commands_sent_in_order_with_actors_times_and_correlation_ids() {
        Instant received = daysAgo(6);
        String caseId = raise(hv().with("X-Correlation-Id", "audit-history-1"), "hasselby-vallingby", received);
        write(hv().with("X-Correlation-Id", "audit-history-2"), caseId, "protection-assessment",
                Map.of("assessedAt", received.plusSeconds(3600).toString(), "immediateProtectionNeeded", true));
        write(hv(), caseId, "initial-assessment", Map.of("completedAt", received.plusSeconds(7200).toString(),
                "decision", "EARLY_SUPPORT"));

        Api.Response answer = as("auditor").get("/api/v1/audit/cases/" + caseId + "/history");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode history = answer.json();
        assertThat(history.get("total").asLong()).isEqualTo(3);
        assertThat(history.at("/chain/note").asText()).startsWith("chain started at ");
        JsonNode events = history.get("events");
        assertThat(events).hasSize(3);
        assertThat(events.findValuesAsText("type"))
                .containsExactly("ConcernRaised", "ProtectionNeedAssessed", "InitialAssessmentCompleted");
        JsonNode first = events.get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(Instant.parse(first.get("occurredAt").asText())).isEqualTo(received);
        assertThat(Instant.parse(first.get("recordedAt").asText())).isAfter(received);
        assertThat(first.at("/actor/user").asText()).isEqualTo("hv-admin");
        assertThat(first.at("/actor/role").asText()).isEqualTo("DISTRICT_ADMIN");
        assertThat(first.at("/actor/district").asText()).isEqualTo("hasselby-vallingby");
        assertThat(first.get("correlationId").asText()).isEqualTo("audit-history-1");
        assertThat(first.get("chainHash").asText()).hasSize(64);
        JsonNode second = events.get(1);
        assertThat(second.get("sequence").asLong()).isEqualTo(1);
        assertThat(second.get("correlationId").asText()).isEqualTo("audit-history-2");
        assertThat(second.at("/payload/immediateProtectionNeeded").asBoolean()).isTrue();
        assertThat(Instant.parse(second.get("occurredAt").asText())).isEqualTo(received.plusSeconds(3600));
        assertThat(events.get(2).at("/payload/decision").asText()).isEqualTo("EARLY_SUPPORT");
    }

    @Test
    void the_history_is_paged_and_answers_csv_when_asked() {
        String caseId = AuditCases.fiveEvents(hv(), "hasselby-vallingby", daysAgo(8));
        Api auditor = as("auditor");

        JsonNode page = auditor.get("/api/v1/audit/cases/" + caseId + "/history?page=1&size=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("events").findValuesAsText("sequence")).containsExactly("2", "3");

        Api.Response csv = auditor.with("Accept", "text/csv").get("/api/v1/audit/cases/" + caseId + "/history");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("sequence,type,occurredAt,recordedAt,actorUser,actorRole,actorDistrict,"
                + "correlationId,payload,chainHash");
        assertThat(lines[1]).startsWith("0,ConcernRaised,").contains(",hv-admin,DISTRICT_ADMIN,hasselby-vallingby,");
    }

    @Test
    void bad_paging_is_400_naming_the_parameter_and_an_unknown_case_is_404() {
        String caseId = raise(hv(), "hasselby-vallingby", daysAgo(3));
        Api auditor = as("auditor");
        for (String query : new String[]{"size=0", "size=1001", "page=-1", "size=many"}) {
            JsonNode problem = assertProblem(auditor.get("/api/v1/audit/cases/" + caseId + "/history?" + query), 400);
            assertThat(problem.toString()).contains(query.substring(0, query.indexOf('=')));
        }
        assertProblem(auditor.get("/api/v1/audit/cases/no-such-case/history"), 404);
        assertProblem(auditor.get("/api/v1/audit/cases/no-such-case/state?asOf=2025-01-01T00:00:00Z"), 404);
        assertProblem(auditor.get("/api/v1/audit/cases/no-such-case/verify"), 404);
        assertProblem(auditor.get("/api/v1/audit/cases/no-such-case/export"), 404);
        // A district's rollout is an event stream too, but not a case.
        assertProblem(auditor.get("/api/v1/audit/cases/farsta/history"), 404);
    }

    @Test
    void as_of_and_valid_at_differ_by_the_step_recorded_late() {
        Instant received = Instant.parse("2025-03-01T09:00:00Z");
        String caseId = recordedAt(Instant.parse("2025-03-01T10:00:00Z"), () -> raise(as("farsta-admin"), "farsta", received));
        // Assessed the same afternoon, recorded nineteen days later.
        recordedAt(Instant.parse("2025-03-20T10:00:00Z"), () -> {
            write(as("farsta-admin"), caseId, "protection-assessment",
                    Map.of("assessedAt", "2025-03-01T15:00:00Z", "immediateProtectionNeeded", true));
            return null;
        });
        String state = "/api/v1/audit/cases/" + caseId + "/state?";
        Api auditor = as("auditor");

        JsonNode known = auditor.get(state + "asOf=2025-03-10T00:00:00Z").json();
        JsonNode lived = auditor.get(state + "validAt=2025-03-10T00:00:00Z").json();

        assertThat(known.get("basis").asText()).isEqualTo("asOf");
        assertThat(known.get("existed").asBoolean()).isTrue();
        assertThat(known.at("/state/progress/protectionAssessment").isMissingNode()
                || known.at("/state/progress/protectionAssessment").isNull()).isTrue();
        assertThat(known.at("/state/version").asLong()).isEqualTo(1);
        assertThat(lived.get("basis").asText()).isEqualTo("validAt");
        assertThat(lived.at("/state/progress/protectionAssessment/immediateProtectionNeeded").asBoolean()).isTrue();
        assertThat(lived.at("/state/version").asLong()).isEqualTo(2);
        for (JsonNode view : new JsonNode[]{known, lived}) {
            assertThat(view.get("differences").toString()).isEqualTo("[1]");
            JsonNode late = view.get("recordedLate");
            assertThat(late).hasSize(1);
            assertThat(late.get(0).get("sequence").asLong()).isEqualTo(1);
            assertThat(late.get(0).get("type").asText()).isEqualTo("ProtectionNeedAssessed");
            assertThat(late.get(0).get("withinThisInstantOnlyInValidAt").asBoolean()).isTrue();
        }
        // After the late recording both views agree.
        JsonNode laterKnown = auditor.get(state + "asOf=2025-03-21T00:00:00Z").json();
        assertThat(laterKnown.at("/state/version").asLong()).isEqualTo(2);
        assertThat(laterKnown.get("differences")).isEmpty();
    }

    @Test
    void an_instant_before_the_case_existed_is_an_empty_state_and_a_missing_or_double_instant_is_400() {
        Instant received = daysAgo(4);
        String caseId = raise(hv(), "hasselby-vallingby", received);
        Api auditor = as("auditor");
        String state = "/api/v1/audit/cases/" + caseId + "/state";

        for (String basis : new String[]{"asOf", "validAt"}) {
            Api.Response before = auditor.get(state + "?" + basis + "=" + received.minusSeconds(86_400));
            assertThat(before.status()).as(before.toString()).isEqualTo(200);
            assertThat(before.json().get("existed").asBoolean()).isFalse();
            assertThat(before.json().get("eventsApplied").asInt()).isZero();
            assertThat(before.json().has("state")).isFalse();
        }
        assertProblem(auditor.get(state), 400);
        assertProblem(auditor.get(state + "?asOf=2025-01-01T00:00:00Z&validAt=2025-01-01T00:00:00Z"), 400);
        assertThat(assertProblem(auditor.get(state + "?asOf=yesterday"), 400).toString()).contains("asOf");
    }

    @Test
    void imported_history_is_chained_when_appended_and_shows_its_true_business_times() {
        String caseId = "import-audit-" + System.nanoTime();
        Instant received = Instant.parse("2024-05-06T08:00:00Z");
        String lines = "{\"type\":\"RaiseConcern\",\"caseId\":\"" + caseId + "\",\"district\":\"farsta\","
                + "\"receivedAt\":\"" + received + "\",\"reporter\":\"POLICE\",\"concerns\":[\"CRIME_RISK\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + se.tidigt.gateway.support.CaseRequests.childAged(15) + "\"}}\n"
                + "{\"type\":\"AssessProtectionNeed\",\"caseId\":\"" + caseId + "\",\"assessedAt\":\""
                + received.plusSeconds(7200) + "\",\"immediateProtectionNeeded\":false}\n";
        Api.Response imported = as("farsta-admin").postRaw("/api/v1/import", lines, "application/x-ndjson");
        assertThat(imported.json().get("stored").asInt()).as(imported.toString()).isEqualTo(2);

        JsonNode verdict = as("auditor").get("/api/v1/audit/cases/" + caseId + "/verify").json();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("events").asInt()).isEqualTo(2);
        JsonNode events = as("auditor").get("/api/v1/audit/cases/" + caseId + "/history").json().get("events");
        assertThat(Instant.parse(events.get(1).get("occurredAt").asText())).isEqualTo(received.plusSeconds(7200));
        assertThat(events.get(1).at("/actor/user").asText()).isEqualTo("farsta-admin");
        // Recorded now, two years after it happened: late in both views.
        JsonNode state = as("auditor").get("/api/v1/audit/cases/" + caseId + "/state?validAt=2024-06-01T00:00:00Z").json();
        assertThat(state.get("recordedLate")).hasSize(2);
        assertThat(state.get("differences").toString()).isEqualTo("[0,1]");
    }
}
