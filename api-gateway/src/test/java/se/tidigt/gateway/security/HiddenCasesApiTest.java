package se.tidigt.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * To a district user another district's case is a case that does not exist: on every case endpoint of
 * the served API, whatever the body, the answer is the one an unknown case id gets (404, the same
 * problem but for the id), and an import line against it names no district.
 */
class HiddenCasesApiTest extends ApiTest {

    @Test
    void every_case_endpoint_answers_another_districts_case_exactly_as_an_unknown_one() {
        String theirs = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json().get("caseId").asText();
        String unknown = UUID.randomUUID().toString();
        Api farsta = as("farsta-admin");
        List<String> operations = caseOperations();
        assertThat(operations).contains("GET /api/v1/cases/{caseId}", "POST /api/v1/cases/{caseId}/offers");

        List<String> different = new ArrayList<>();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1).replace("{offerId}", "o-1")
                    .replace("{proposalId}", "p-1");
            for (String body : method.equals("POST") ? List.of("{}", "{not json", "{\"workerId\":\"w-1\"}") : List.of("")) {
                Api.Response hidden = send(farsta, method, template.replace("{caseId}", theirs), body);
                Api.Response missing = send(farsta, method, template.replace("{caseId}", unknown), body);
                String seen = hidden.status() + " " + hidden.body().replace(theirs, "{id}");
                String expected = missing.status() + " " + missing.body().replace(unknown, "{id}");
                if (hidden.status() != 404 || !seen.equals(expected)
                        || !String.valueOf(hidden.contentType()).equals(String.valueOf(missing.contentType()))) {
                    different.add(operation + " " + body + ": " + seen + " vs " + expected);
                }
                assertThat(hidden.body()).doesNotContain("hasselby");
            }
        }
        assertThat(different).as("answers that tell another district's case from an unknown one").isEmpty();
        assertThat(hv().get("/api/v1/cases/" + theirs).status()).as("the owner still reads it").isEqualTo(200);
    }

    @Test
    void an_import_line_against_another_districts_case_is_refused_like_an_unknown_case_naming_no_district() {
        String theirs = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json().get("caseId").asText();
        String unknown = UUID.randomUUID().toString();
        String line = "{\"type\":\"AssignWorker\",\"caseId\":\"%s\",\"workerId\":\"w-7\",\"function\":\"INTAKE\",\"assignedAt\":\"" + daysAgo(1) + "\"}";
        JsonNode hidden = as("farsta-admin").postRaw("/api/v1/import", line.formatted(theirs), "application/x-ndjson").json();
        JsonNode missing = as("farsta-admin").postRaw("/api/v1/import", line.formatted(unknown), "application/x-ndjson").json();
        assertThat(hidden.at("/results/0/status").asInt()).isEqualTo(404);
        assertThat(strip(hidden.at("/results/0/problem"), theirs)).isEqualTo(strip(missing.at("/results/0/problem"), unknown));
        assertThat(hidden.toString()).doesNotContain("hasselby");

        String raise = "{\"type\":\"RaiseConcern\",\"district\":\"hasselby-vallingby\",\"receivedAt\":\"" + daysAgo(2)
                + "\",\"reporter\":\"SCHOOL\",\"concerns\":[\"OTHER\"],\"child\":{\"personalIdentityNumber\":\"" + childAged(8) + "\"}}";
        JsonNode refused = as("farsta-admin").postRaw("/api/v1/import", raise, "application/x-ndjson").json();
        assertThat(refused.at("/results/0/status").asInt()).isEqualTo(403);
        assertThat(refused.at("/results/0/problem").toString()).doesNotContain("hasselby").doesNotContain("farsta");
    }

    private static String strip(JsonNode problem, String caseId) {
        ObjectNode copy = problem.deepCopy();
        return copy.toString().replace(caseId, "{id}");
    }

    private List<String> caseOperations() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        List<String> operations = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/v1/cases/{caseId}")) {
                paths.get(path).fieldNames().forEachRemaining(method -> {
                    if (!method.equals("delete")) {
                        operations.add(method.toUpperCase() + " " + path);
                    }
                });
            }
        });
        return operations;
    }

    private static Api.Response send(Api api, String method, String path, String body) {
        return method.equals("GET") ? api.get(path) : api.postRaw(path, body, "application/json");
    }
}
