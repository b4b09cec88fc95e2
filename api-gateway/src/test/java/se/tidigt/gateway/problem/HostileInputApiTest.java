package se.tidigt.gateway.problem;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * What a hostile tester sent: each is a 400 naming the field at fault, never a 500, never accepted,
 * and nothing is stored.
 */
class HostileInputApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void enum_ordinals_are_refused() {
        String caseId = newCase();
        refused(hv(), "/api/v1/cases/" + caseId + "/initial-assessment",
                "{\"completedAt\":\"" + daysAgo(1) + "\",\"decision\":\"0\"}", "decision");
        refused(hv(), "/api/v1/cases/" + caseId + "/initial-assessment",
                "{\"completedAt\":\"" + daysAgo(1) + "\",\"decision\":1}", "decision");
    }

    @Test
    void a_fraction_for_a_whole_number_is_refused() {
        refused(hv(), HV + "/open-access-support", "{\"month\":\"2025-01\",\"kind\":\"COUNSELLING\",\"count\":1.5}", "count");
    }

    @Test
    void a_number_that_does_not_fit_is_refused() {
        refused(hv(), HV + "/open-access-support", "{\"month\":\"2025-01\",\"kind\":\"COUNSELLING\",\"count\":1e999999999}",
                "count");
        refused(as("admin"), HV + "/rollout/staffing",
                "{\"effectiveFrom\":\"2025-01-01\",\"budgetedFte\":1e308,\"filledFte\":1}", "budgetedFte");
        refused(as("admin"), HV + "/rollout/funding",
                "{\"source\":\"x\",\"amountSek\":1e999999999,\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}", "amountSek");
    }

    @Test
    void epoch_numbers_for_times_are_refused() {
        refused(hv(), HV + "/cases", raise("1700000000"), "receivedAt");
    }

    @Test
    void trailing_garbage_after_the_json_is_refused() {
        String body = "{\"month\":\"2025-01\",\"kind\":\"COUNSELLING\",\"count\":1}";
        JsonNode problem = assertProblem(hv().postRaw(HV + "/open-access-support", body + " {}", "application/json"), 400);
        assertThat(problem.get("detail").asText()).containsIgnoringCase("after the JSON");
        assertProblem(hv().postRaw(HV + "/open-access-support", body + " trailing", "application/json"), 400);
    }

    @Test
    void a_duplicated_key_is_refused_naming_it() {
        String caseId = newCase();
        refused(hv(), "/api/v1/cases/" + caseId + "/initial-assessment", "{\"completedAt\":\"" + daysAgo(1)
                + "\",\"decision\":\"NO_ACTION\",\"decision\":\"EARLY_SUPPORT\"}", "decision");
        refused(hv(), HV + "/cases", "{\"receivedAt\":\"" + daysAgo(1) + "\",\"receivedAt\":\"" + daysAgo(2)
                + "\",\"reporter\":\"SCHOOL\",\"concerns\":[\"OTHER\"],\"child\":{\"personalIdentityNumber\":\""
                + childAged(9) + "\"}}", "receivedAt");
        refused(hv(), HV + "/cases", "{\"receivedAt\":\"" + daysAgo(1) + "\",\"reporter\":\"SCHOOL\",\"concerns\":[\"OTHER\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + childAged(9) + "\",\"personalIdentityNumber\":\"x\"}}",
                "child.personalIdentityNumber");
    }

    @Test
    void times_java_or_postgresql_cannot_hold_are_refused() {
        refused(hv(), HV + "/cases", raise("\"-250000-01-01T00:00:00Z\""), "receivedAt");
        refused(hv(), HV + "/cases", raise("\"+250000-01-01T00:00:00Z\""), "receivedAt");
        refused(as("admin"), HV + "/rollout/adoptions", "{\"workModel\":\"VALLINGBY_TEAM\",\"effectiveFrom\":\"-5000-01-01\"}",
                "effectiveFrom");
        refused(as("admin"), HV + "/rollout/adoptions",
                "{\"workModel\":\"VALLINGBY_TEAM\",\"effectiveFrom\":\"+999999999-12-31\"}", "effectiveFrom");
    }

    @Test
    void a_nul_character_in_a_string_is_refused() {
        String caseId = newCase();
        refused(hv(), "/api/v1/cases/" + caseId + "/workers",
                "{\"workerId\":\"w\\u0000x\",\"function\":\"INTAKE\",\"assignedAt\":\"" + daysAgo(1) + "\"}", "workerId");
    }

    @Test
    void dates_before_what_the_domain_records_are_refused() {
        refused(hv(), HV + "/cases", raise("\"0001-01-01T00:00:00Z\""), "receivedAt");
        refused(hv(), HV + "/cases", raise("\"1899-12-31T00:00:00Z\""), "receivedAt");
        refused(hv(), HV + "/open-access-support", "{\"month\":\"0000-01\",\"kind\":\"COUNSELLING\",\"count\":1}", "month");
        refused(hv(), HV + "/open-access-support", "{\"month\":\"-5000-01\",\"kind\":\"COUNSELLING\",\"count\":1}", "month");
        refused(as("admin"), "/api/v1/rollout-plans", "{\"workModel\":\"VALLINGBY_TEAM\",\"districts\":[\"farsta\"],"
                + "\"firstWaveStart\":\"-5000-01-01\",\"waves\":1,\"monthsPerWave\":6,\"design\":\"STEPPED_WEDGE\",\"seed\":1}",
                "firstWaveStart");
        refused(as("admin"), "/api/v1/rollout-plans", "{\"workModel\":\"VALLINGBY_TEAM\",\"districts\":[\"farsta\"],"
                + "\"firstWaveStart\":\"1000-01-01\",\"waves\":1,\"monthsPerWave\":6,\"design\":\"STEPPED_WEDGE\",\"seed\":1}",
                "firstWaveStart");
    }

    @Test
    void bad_if_match_headers_and_media_types_are_4xx_problems_never_5xx() {
        String caseId = newCase();
        String body = "{\"assessedAt\":\"" + daysAgo(1) + "\",\"immediateProtectionNeeded\":false}";
        EventStoreCounter counter = new EventStoreCounter(jdbc);
        long before = counter.stored();
        for (String ifMatch : new String[]{"\"abc\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"",
                "\"\""}) {
            var answer = hv().with("If-Match", ifMatch).postRaw("/api/v1/cases/" + caseId + "/protection-assessment", body,
                    "application/json");
            assertThat(answer.status()).as(ifMatch + " " + answer).isBetween(400, 499);
            assertProblem(answer, answer.status());
        }
        for (String type : new String[]{"text/plain", "application/xml", "application/json; charset=ebcdic",
                "multipart/form-data; boundary=x", "application/x-ndjson"}) {
            var answer = hv().postRaw("/api/v1/cases/" + caseId + "/protection-assessment", body, type);
            assertThat(answer.status()).as(type + " " + answer).isBetween(400, 499);
            assertProblem(answer, answer.status());
        }
        assertThat(counter.stored()).isEqualTo(before);
    }

    private void refused(Api api, String path, String body, String field) {
        EventStoreCounter counter = new EventStoreCounter(jdbc);
        long before = counter.stored();
        JsonNode problem = assertProblem(api.postRaw(path, body, "application/json"), 400);
        assertThat(problem.get("errors").findValuesAsText("field")).as(body).contains(field);
        assertThat(counter.stored()).as("nothing stored for " + body).isEqualTo(before);
    }

    private static String raise(String receivedAt) {
        return "{\"receivedAt\":" + receivedAt + ",\"reporter\":\"SCHOOL\",\"concerns\":[\"OTHER\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + childAged(9) + "\"}}";
    }

    private String newCase() {
        Instant at = daysAgo(5);
        return hv().post(HV + "/cases", concern(at)).json().get("caseId").asText();
    }
}
