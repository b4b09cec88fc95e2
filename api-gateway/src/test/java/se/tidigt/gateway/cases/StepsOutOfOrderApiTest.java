package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** Steps out of time order are 400 naming both times, over the API and in the import; ids cannot be squatted. */
class StepsOutOfOrderApiTest extends ApiTest {

    @Test
    void an_answer_before_its_offer_is_400_naming_both_times() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(10))).json()
                .get("caseId").asText();
        hv().post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(9).toString(), "decision", "EARLY_SUPPORT"));
        String offerId = hv().post("/api/v1/cases/" + caseId + "/offers",
                Map.of("offeredAt", daysAgo(5).toString(), "interventionType", "FAMILY_TREATMENT")).json().get("offerId").asText();

        JsonNode problem = assertProblem(hv().post("/api/v1/cases/" + caseId + "/offers/" + offerId + "/response",
                Map.of("respondedAt", daysAgo(6).toString(), "accepted", true, "consentBy", "GUARDIANS")), 400);

        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("respondedAt");
        assertThat(problem.at("/errors/0/message").asText()).contains(daysAgo(6).toString().substring(0, 10),
                daysAgo(5).toString().substring(0, 10));
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void the_import_refuses_steps_out_of_order_and_squatted_ids_per_line() {
        String caseId = "import-" + UUID.randomUUID();
        String ndjson = String.join("\n",
                raise(caseId),
                "{\"type\":\"CompleteInitialAssessment\",\"caseId\":\"" + caseId + "\",\"completedAt\":\"2024-09-10T10:00:00Z\","
                        + "\"decision\":\"OPEN_INVESTIGATION\"}",
                "{\"type\":\"OpenInvestigation\",\"caseId\":\"" + caseId + "\",\"openedAt\":\"2024-09-12T10:00:00Z\"}",
                "{\"type\":\"ConcludeInvestigation\",\"caseId\":\"" + caseId + "\",\"concludedAt\":\"2024-09-11T10:00:00Z\","
                        + "\"outcome\":\"INTERVENTION_NEEDED\"}",
                raise("open-access:hasselby-vallingby:2025-01:COUNSELLING"),
                raise("VALLINGBY_TEAM"),
                raise(caseId + "-far").replace("2024-09-01T08:00:00Z", "-5000-01-01T00:00:00Z"),
                raise(caseId + "-after"));

        JsonNode report = hv().postRaw("/api/v1/import", ndjson, "application/x-ndjson").json();

        assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(4);
        JsonNode results = report.get("results");
        assertThat(results.get(3).at("/problem/errors/0/field").asText()).isEqualTo("concludedAt");
        assertThat(results.get(3).at("/problem/errors/0/message").asText()).contains("2024-09-11", "2024-09-12");
        assertThat(results.get(4).at("/problem/errors/0/field").asText()).isEqualTo("caseId");
        assertThat(results.get(5).at("/problem/errors/0/field").asText()).isEqualTo("caseId");
        assertThat(results.get(6).at("/problem/errors/0/field").asText()).as("a far date is the line's fault")
                .isEqualTo("receivedAt");
        assertThat(results.get(7).get("status").asInt()).as("and the import goes on").isEqualTo(201);
        assertThat(hv().post("/api/v1/districts/hasselby-vallingby/open-access-support",
                Map.of("month", "2025-01", "kind", "COUNSELLING", "count", 2)).status()).isEqualTo(201);
    }

    @Test
    void an_import_sent_again_with_its_idempotency_key_replays_its_report_and_stores_nothing() {
        String caseId = "import-" + UUID.randomUUID();
        String ndjson = raise(caseId) + "\n" + raise("NOT_A_CASE_ID");
        var withKey = hv().with("Idempotency-Key", "file-" + caseId);

        JsonNode first = withKey.postRaw("/api/v1/import", ndjson, "application/x-ndjson").json();
        var again = withKey.postRaw("/api/v1/import", ndjson, "application/x-ndjson");

        assertThat(first.get("stored").asInt()).isEqualTo(1);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first);
        assertProblem(withKey.postRaw("/api/v1/import", raise(caseId + "-other"), "application/x-ndjson"), 409);
        assertThat(hv().get("/api/v1/cases/" + caseId + "-other").status()).as("a refused import stores nothing")
                .isEqualTo(404);
    }

    private static String raise(String caseId) {
        return "{\"type\":\"RaiseConcern\",\"caseId\":\"" + caseId + "\",\"district\":\"hasselby-vallingby\","
                + "\"receivedAt\":\"2024-09-01T08:00:00Z\",\"reporter\":\"POLICE\",\"concerns\":[\"CRIME_RISK\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + childAged(15) + "\"}}";
    }
}
