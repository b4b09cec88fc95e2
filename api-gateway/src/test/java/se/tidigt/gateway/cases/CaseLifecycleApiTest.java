package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/** A case walked from concern to started intervention over real HTTP, read back after every write. */
class CaseLifecycleApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_case_walked_from_concern_to_started_intervention_shows_every_step() {
        Api hv = hv();
        Instant received = daysAgo(20);
        Api.Response raised = hv.post("/api/v1/districts/hasselby-vallingby/cases", concern(childAged(14), received));
        assertThat(raised.status()).isEqualTo(201);
        String caseId = raised.json().get("caseId").asText();
        assertThat(raised.header("Location")).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(raised.json().get("version").asLong()).isEqualTo(1);
        assertThat(raised.header("ETag")).isEqualTo("\"1\"");

        assertVersion(hv.post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(19).toString(), "immediateProtectionNeeded", false)), 2);
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(15).toString(), "decision", "OPEN_INVESTIGATION")), 3);
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/investigation", Map.of("openedAt", daysAgo(14).toString())), 4);
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/workers",
                Map.of("workerId", "w-17", "function", "INVESTIGATION", "assignedAt", daysAgo(14).toString())), 5);
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/collaborations",
                Map.of("partner", "SCHOOL", "kind", "MEETING", "occurredAt", daysAgo(12).toString())), 6);
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/investigation/conclusion",
                Map.of("concludedAt", daysAgo(5).toString(), "outcome", "INTERVENTION_NEEDED")), 7);
        Api.Response offered = hv.post("/api/v1/cases/" + caseId + "/offers",
                Map.of("offeredAt", daysAgo(4).toString(), "interventionType", "FAMILY_TREATMENT"));
        assertThat(offered.status()).isEqualTo(201);
        String offerId = offered.json().get("offerId").asText();
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/offers/" + offerId + "/response",
                Map.of("respondedAt", daysAgo(3).toString(), "accepted", true, "consentBy", "GUARDIANS")), 9);
        assertVersion(hv.post("/api/v1/cases/" + caseId + "/interventions",
                Map.of("offerId", offerId, "startedAt", daysAgo(1).toString())), 10);

        Api.Response read = hv.get("/api/v1/cases/" + caseId);
        assertThat(read.status()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.get("district").asText()).isEqualTo("hasselby-vallingby");
        assertThat(view.get("workModel").asText()).isNotBlank();
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("version").asLong()).isEqualTo(10);
        assertThat(read.header("ETag")).isEqualTo("\"10\"");
        assertThat(view.at("/receivedAt").asText()).isEqualTo(received.toString());
        assertThat(view.at("/progress/investigation/outcome").asText()).isEqualTo("INTERVENTION_NEEDED");
        JsonNode offer = view.at("/progress/offers/0");
        assertThat(offer.get("offerId").asText()).isEqualTo(offerId);
        assertThat(offer.get("answer").asText()).isEqualTo("ACCEPTED");
        assertThat(offer.get("consentBy").asText()).isEqualTo("GUARDIANS");
        assertThat(offer.get("startedAt").asText()).isNotBlank();
        assertThat(view.at("/workers/0/workerId").asText()).isEqualTo("w-17");
        assertThat(view.has("childPseudonym")).isFalse();
    }

    @Test
    void a_read_right_after_a_write_shows_that_write() {
        Api hv = hv();
        for (int i = 0; i < 10; i++) {
            String caseId = hv.post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json()
                    .get("caseId").asText();
            hv.post("/api/v1/cases/" + caseId + "/protection-assessment",
                    Map.of("assessedAt", daysAgo(2).toString(), "immediateProtectionNeeded", true));
            JsonNode view = hv.get("/api/v1/cases/" + caseId).json();
            assertThat(view.get("version").asLong()).isEqualTo(2);
            assertThat(view.at("/progress/protectionAssessment/immediateProtectionNeeded").asBoolean()).isTrue();
        }
    }

    @Test
    void every_event_records_who_acted_in_which_role_and_district_and_the_correlation_id() {
        String caseId = hv().with("X-Correlation-Id", "walk-through-42")
                .post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2))).json().get("caseId").asText();
        List<String> metadata = jdbc.queryForList(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, caseId);
        assertThat(metadata).singleElement().satisfies(json -> assertThat(json)
                .contains("\"actorUser\":\"hv-admin\"")
                .contains("\"actorRole\":\"DISTRICT_ADMIN\"")
                .contains("\"actorDistrict\":\"hasselby-vallingby\"")
                .contains("\"correlationId\":\"walk-through-42\""));
    }

    @Test
    void a_district_lists_its_cases_finds_a_child_by_number_and_shows_its_deadlines() {
        Api farsta = as("farsta-admin");
        String number = childAged(9);
        String first = farsta.post("/api/v1/districts/farsta/cases", concern(number, daysAgo(30))).json().get("caseId").asText();
        String second = farsta.post("/api/v1/districts/farsta/cases", concern(number, daysAgo(1))).json().get("caseId").asText();
        farsta.post("/api/v1/districts/farsta/cases", concern(daysAgo(1)));

        JsonNode page = farsta.get("/api/v1/districts/farsta/cases?status=OPEN&page=0&size=2").json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("cases")).hasSize(2);

        JsonNode found = farsta.post("/api/v1/districts/farsta/cases/search", Map.of("personalIdentityNumber", number)).json();
        assertThat(found).extracting(n -> n.get("caseId").asText()).containsExactly(first, second);

        JsonNode deadlines = farsta.get("/api/v1/districts/farsta/deadlines").json();
        JsonNode overdue = find(deadlines, first);
        assertThat(overdue.get("nextDue").asText()).isEqualTo("PROTECTION_ASSESSMENT");
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        JsonNode fresh = find(deadlines, second);
        assertThat(fresh.get("nextDue").asText()).isEqualTo("PROTECTION_ASSESSMENT");
        assertThat(fresh.get("overdue").asBoolean()).isFalse();
        assertThat(fresh.get("allOpenDeadlines")).extracting(n -> n.get("kind").asText())
                .containsExactly("PROTECTION_ASSESSMENT", "INITIAL_ASSESSMENT");
    }

    private static JsonNode find(JsonNode items, String caseId) {
        for (JsonNode item : items) {
            if (item.get("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError("Case " + caseId + " not on the worklist " + items);
    }

    private static void assertVersion(Api.Response response, long version) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
    }
}
