package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** A case's timeline (who recorded what) and its next steps, as the district's page to work in reads them. */
@TestPropertySource(properties = "tidigt.test.context=district-work")
class CaseTimelineApiTest extends ApiTest {
    private static final String BROMMA = "/api/v1/districts/bromma";

    @Test
    void the_timeline_names_each_events_actor_and_its_details_without_the_childs_pseudonym() {
        Api worker = bearer(Tokens.forRole("ada.worker", "DISTRICT_WORKER", "bromma"));
        String caseId = worker.post(BROMMA + "/cases", concern(daysAgo(6))).json().get("caseId").asText();
        as("bromma-admin").post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(5).toString(), "decision", "EARLY_SUPPORT"));

        JsonNode timeline = worker.get("/api/v1/cases/" + caseId + "/timeline").json();

        assertThat(timeline.get("total").asInt()).isEqualTo(2);
        JsonNode raised = timeline.get("events").get(0);
        assertThat(raised.get("type").asText()).isEqualTo("ConcernRaised");
        assertThat(raised.get("actor").get("user").asText()).isEqualTo("ada.worker");
        assertThat(raised.get("actor").get("role").asText()).isEqualTo("DISTRICT_WORKER");
        assertThat(raised.get("details").has("child")).isFalse();
        assertThat(raised.get("details").get("reporter").asText()).isEqualTo("SCHOOL");
        JsonNode assessed = timeline.get("events").get(1);
        assertThat(assessed.get("actor").get("user").asText()).isEqualTo("bromma-admin");
        assertThat(assessed.get("details").get("decision").asText()).isEqualTo("EARLY_SUPPORT");
        assertThat(timeline.toString()).doesNotContain("pseudonym").doesNotContain("sealed:");
        // A read of case data like any other: in the access log, under the reader and the case.
        JsonNode logged = as("auditor").get("/api/v1/audit/access-log?caseId=" + caseId + "&user=ada.worker").json().get("entries");
        assertThat(logged.toString()).contains("/timeline");
    }

    @Test
    void the_next_steps_follow_the_lifecycle_and_each_one_offered_is_accepted() {
        // A supervisor: offers and closures are theirs to decide under the default delegation.
        Api worker = bearer(Tokens.forRole("bo.supervisor", "DISTRICT_SUPERVISOR", "bromma"));
        String caseId = worker.post(BROMMA + "/cases", concern(daysAgo(6))).json().get("caseId").asText();
        String path = "/api/v1/cases/" + caseId;
        assertThat(steps(worker, path)).containsExactly("PROTECTION_ASSESSMENT", "INITIAL_ASSESSMENT", "ASSIGN_WORKER",
                "RECORD_COLLABORATION", "TRANSFER_CASE", "CLOSE_CASE");
        assertThat(worker.post(path + "/initial-assessment", Map.of("completedAt", daysAgo(5).toString(), "decision", "EARLY_SUPPORT"))
                .status()).isEqualTo(200);
        assertThat(steps(worker, path)).contains("OFFER_INTERVENTION").doesNotContain("INITIAL_ASSESSMENT", "OPEN_INVESTIGATION");
        String offerId = worker.post(path + "/offers", Map.of("offeredAt", daysAgo(4).toString(), "interventionType", "FAMILY_TREATMENT"))
                .json().get("offerId").asText();
        JsonNode next = worker.get(path + "/next-steps").json();
        assertThat(next.get("version").asLong()).isEqualTo(3);
        assertThat(next.toString()).contains("{\"step\":\"RECORD_RESPONSE\",\"offerId\":\"" + offerId + "\"}");
        worker.post(path + "/closure", Map.of("closedAt", daysAgo(1).toString(), "reason", "OTHER"));
        assertThat(steps(worker, path)).isEmpty();
        assertProblem(bearer(Tokens.forRole("x.worker", "DISTRICT_WORKER", "farsta")).get(path + "/next-steps"), 404);
        assertProblem(bearer(Tokens.forRole("x.worker", "DISTRICT_WORKER", "farsta")).get(path + "/timeline"), 404);
    }

    private static List<String> steps(Api api, String path) {
        List<String> kinds = new ArrayList<>();
        api.get(path + "/next-steps").json().get("steps").forEach(step -> kinds.add(step.get("step").asText()));
        return kinds;
    }
}
