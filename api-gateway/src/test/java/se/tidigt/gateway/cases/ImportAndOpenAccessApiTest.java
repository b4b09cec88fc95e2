package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** History imported line by line with its true dates; open-access support counted per month. */
class ImportAndOpenAccessApiTest extends ApiTest {

    @Test
    void an_import_stores_good_lines_and_reports_bad_ones() {
        String caseId = "import-" + UUID.randomUUID();
        String ndjson = String.join("\n",
                "{\"type\":\"RaiseConcern\",\"caseId\":\"" + caseId + "\",\"district\":\"rinkeby-kista\","
                        + "\"receivedAt\":\"2022-09-01T08:00:00Z\",\"reporter\":\"POLICE\",\"concerns\":[\"CRIME_RISK\"],"
                        + "\"child\":{\"personalIdentityNumber\":\"" + childAged(15) + "\"}}",
                "{\"type\":\"AssessProtectionNeed\",\"caseId\":\"" + caseId + "\",\"assessedAt\":\"2022-09-01T15:00:00Z\","
                        + "\"immediateProtectionNeeded\":false}",
                "{\"type\":\"CompleteInitialAssessment\",\"caseId\":\"" + caseId + "\",\"completedAt\":\"2022-09-10T10:00:00Z\","
                        + "\"decision\":\"EARLY_SUPPORT\"}",
                "{\"type\":\"OfferIntervention\",\"caseId\":\"" + caseId + "\",\"offerId\":\"o-1\","
                        + "\"offeredAt\":\"2022-09-12T10:00:00Z\",\"interventionType\":\"CONTACT_PERSON\"}",
                "{\"type\":\"RecordFamilyResponse\",\"caseId\":\"" + caseId + "\",\"offerId\":\"o-1\","
                        + "\"respondedAt\":\"2022-09-14T10:00:00Z\",\"accepted\":true,\"consentBy\":\"GUARDIANS\"}",
                "{\"type\":\"StartIntervention\",\"caseId\":\"" + caseId + "\",\"offerId\":\"o-1\",\"startedAt\":\"2022-09-20T10:00:00Z\"}",
                "",
                "{\"type\":\"CloseCase\",\"caseId\":\"" + caseId + "\",\"closedAt\":\"2022-08-01T10:00:00Z\",\"reason\":\"OTHER\"}",
                "{\"type\":\"Teleport\",\"caseId\":\"" + caseId + "\"}",
                "{not json",
                "{\"type\":\"AssessProtectionNeed\",\"caseId\":\"" + caseId + "\",\"assessedAt\":\"2022-09-02T15:00:00Z\","
                        + "\"immediateProtectionNeeded\":false}");

        Api.Response response = as("jarva-admin").postRaw("/api/v1/import", ndjson, "application/x-ndjson");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("lines").asInt()).isEqualTo(10);
        assertThat(report.get("stored").asInt()).isEqualTo(6);
        assertThat(report.get("failed").asInt()).isEqualTo(4);
        JsonNode results = report.get("results");
        assertThat(results.get(6).get("line").asInt()).isEqualTo(8);
        assertThat(results.get(6).at("/problem/errors/0/field").asText()).isEqualTo("closedAt");
        assertThat(results.get(7).at("/problem/errors/0/field").asText()).isEqualTo("type");
        assertThat(results.get(8).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(9).at("/problem/rule").asText()).isEqualTo("protection-need-already-assessed");

        JsonNode view = as("jarva-admin").get("/api/v1/cases/" + caseId).json();
        assertThat(view.get("district").asText()).isEqualTo("rinkeby-kista");
        assertThat(view.get("receivedAt").asText()).isEqualTo("2022-09-01T08:00:00Z");
        assertThat(view.at("/progress/offers/0/startedAt").asText()).isEqualTo("2022-09-20T10:00:00Z");
        assertThat(view.get("version").asLong()).isEqualTo(6);
    }

    @Test
    void an_import_of_another_districts_case_is_refused_per_line() {
        String ndjson = "{\"type\":\"RaiseConcern\",\"district\":\"farsta\",\"receivedAt\":\"2024-01-01T08:00:00Z\","
                + "\"reporter\":\"SCHOOL\",\"concerns\":[\"OTHER\"],\"child\":{\"personalIdentityNumber\":\"" + childAged(9) + "\"}}";
        JsonNode report = hv().postRaw("/api/v1/import", ndjson, "application/x-ndjson").json();
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.at("/results/0/status").asInt()).isEqualTo(403);
    }

    @Test
    void open_access_support_is_counted_per_district_month_and_kind() {
        String month = YearMonth.now().minusMonths(1).toString();
        Api.Response first = as("farsta-admin").post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", month, "kind", "PARENTING_SUPPORT", "count", 12));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        Api.Response second = as("farsta-admin").post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", month, "kind", "PARENTING_SUPPORT", "count", 3));
        assertThat(second.json().get("version").asLong()).isEqualTo(2);

        assertProblem(as("farsta-admin").post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", YearMonth.now().plusMonths(2).toString(), "kind", "OTHER", "count", 1)), 400);
        assertProblem(as("farsta-admin").post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", month, "kind", "OTHER", "count", 0)), 400);
        assertProblem(as("farsta-admin").post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", "last month", "kind", "OTHER", "count", 2)), 400);
        assertProblem(hv().post("/api/v1/districts/farsta/open-access-support",
                Map.of("month", month, "kind", "OTHER", "count", 2)), 403);
    }
}
