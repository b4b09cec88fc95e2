package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;
import static se.tidigt.gateway.support.ProblemAssertions.fields;
import static se.tidigt.gateway.support.ProblemAssertions.refusedStoringNothing;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/** Bad input gets a clear problem+json with the right status, no stack trace, and stores nothing. */
class CaseErrorsApiTest extends ApiTest {
    private static final String CASES = "/api/v1/districts/hasselby-vallingby/cases";

    @Autowired
    JdbcTemplate jdbc;
    private EventStoreCounter store;
    private String caseId;

    @BeforeEach
    void aCase() {
        store = new EventStoreCounter(jdbc);
        caseId = hv().post(CASES, concern(daysAgo(10))).json().get("caseId").asText();
    }

    @Test
    void malformed_json_is_400() {
        JsonNode problem = refused(400, () -> hv().post(CASES, "{\"receivedAt\": "));
        assertThat(problem.get("title").asText()).isEqualTo("Malformed JSON");
    }

    @Test
    void missing_fields_are_400_naming_every_one() {
        JsonNode problem = refused(400, () -> hv().post(CASES, Map.of("reporter", "SCHOOL")));
        assertThat(fields(problem)).containsExactly("child", "concerns", "receivedAt");
    }

    @Test
    void a_wrong_typed_field_is_400_naming_it() {
        JsonNode problem = refused(400, () -> hv().post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", List.of(1, 2))));
        assertThat(fields(problem)).containsExactly("immediateProtectionNeeded");
    }

    @Test
    void an_unknown_enum_value_is_400_listing_the_allowed_ones() {
        JsonNode problem = refused(400, () -> hv().post(CASES, Map.of("receivedAt", daysAgo(1).toString(),
                "reporter", "NEIGHBOUR", "concerns", List.of("CRIME_RISK"), "child", Map.of("personalIdentityNumber", childAged(5)))));
        assertThat(fields(problem)).containsExactly("reporter");
        assertThat(problem.at("/errors/0/message").asText()).contains("PRESCHOOL", "POLICE");
    }

    @Test
    void a_bad_date_is_400_naming_the_field() {
        JsonNode problem = refused(400, () -> hv().post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", "yesterday", "immediateProtectionNeeded", false)));
        assertThat(fields(problem)).containsExactly("assessedAt");
        assertThat(problem.at("/errors/0/message").asText()).contains("ISO-8601");
    }

    @Test
    void a_bad_checksum_is_400_naming_the_identity_number_and_not_repeating_it() {
        String number = childAged(8);
        String broken = number.substring(0, number.length() - 1) + ((number.charAt(number.length() - 1) - '0' + 1) % 10);
        Api.Response response = hv().post(CASES, concern(broken, daysAgo(1)));
        JsonNode problem = assertProblem(response, 400);
        assertThat(fields(problem)).containsExactly("child.personalIdentityNumber");
        assertThat(response.body()).doesNotContain(broken).doesNotContain(broken.replace("-", ""));
    }

    @Test
    void a_business_time_in_the_future_is_400() {
        JsonNode problem = refused(400, () -> hv().post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(-2).toString(), "immediateProtectionNeeded", false)));
        assertThat(fields(problem)).containsExactly("assessedAt");
    }

    @Test
    void a_district_used_outside_its_validity_is_400() {
        JsonNode problem = refused(400, () -> as("jarva-admin").post("/api/v1/districts/rinkeby-kista/cases",
                concern(daysAgo(3))));
        assertThat(fields(problem)).containsExactly("district");
    }

    @Test
    void an_unknown_case_is_404() {
        refused(404, () -> hv().post("/api/v1/cases/no-such-case/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)));
        refused(404, () -> hv().get("/api/v1/cases/no-such-case"));
    }

    @Test
    void an_unknown_district_is_404() {
        refused(404, () -> hv().post("/api/v1/districts/atlantis/cases", concern(daysAgo(1))));
    }

    @Test
    void a_transition_the_rules_forbid_is_409_naming_the_rule() {
        JsonNode problem = refused(409, () -> hv().post("/api/v1/cases/" + caseId + "/offers",
                Map.of("offeredAt", daysAgo(1).toString(), "interventionType", "CONTACT_PERSON")));
        assertThat(problem.get("rule").asText()).isEqualTo("offer-requires-assessment-that-allows-it");
    }

    @Test
    void a_body_over_one_mebibyte_is_413() {
        String padding = "x".repeat(1_100_000);
        refused(413, () -> hv().post(CASES, "{\"reporter\":\"SCHOOL\",\"padding\":\"" + padding + "\"}"));
    }

    @Test
    void a_wrong_media_type_is_415() {
        refused(415, () -> hv().postRaw(CASES, "receivedAt=now", "application/x-www-form-urlencoded"));
    }

    @Test
    void no_credentials_is_401_and_bad_credentials_too() {
        refused(401, () -> anonymous().post(CASES, concern(daysAgo(1))));
        refused(401, () -> anonymous().with("Authorization", "Basic aHYtYWRtaW46d3Jvbmc=").get("/api/v1/cases/" + caseId));
    }

    private JsonNode refused(int status, Supplier<Api.Response> request) {
        return refusedStoringNothing(store, status, request);
    }
}
