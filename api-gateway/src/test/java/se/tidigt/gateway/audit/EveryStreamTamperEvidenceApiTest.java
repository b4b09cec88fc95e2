package se.tidigt.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.audit.AuditCases.recordedAt;
import static se.tidigt.gateway.audit.Tampering.rechain;
import static se.tidigt.gateway.audit.Tampering.tamper;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Every stream, not only cases, is verifiable and pinned by the daily digest: a district's rollout, a work
 * model, a plan. Tampering as a superuser would (SQL, triggers off). A database of its own.
 */
@TestPropertySource(properties = "tidigt.audit.test-database=every-stream")
class EveryStreamTamperEvidenceApiTest extends ApiTest {
    private static final String TEAM = "VALLINGBY_TEAM";

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode verifyStream(String aggregateId) {
        Api.Response answer = as("auditor").get("/api/v1/audit/streams/" + aggregateId + "/verify");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void a_rollout_stream_verifies_with_the_case_verify_shape_and_only_an_auditor_may_ask() {
        assertThat(as("admin").post("/api/v1/districts/farsta/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2022-01-01")).status()).isEqualTo(201);
        JsonNode verdict = verifyStream("farsta");
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("aggregateId").asText()).isEqualTo("farsta");
        assertThat(verdict.get("events").asInt()).isEqualTo(1);
        assertThat(verdict.get("head").asText()).hasSize(64);
        assertThat(verdict.has("firstBrokenSequence")).isFalse();
        assertThat(verifyStream(TEAM).get("intact").asBoolean()).as("a built-in work model's stream").isTrue();
        assertProblem(as("auditor").get("/api/v1/audit/streams/no-such-stream-1/verify"), 404);
        assertProblem(as("admin").get("/api/v1/audit/streams/farsta/verify"), 403);
    }

    @Test
    void an_adoption_date_moved_a_year_back_and_rechained_changes_the_days_digest() {
        Instant day = Instant.parse("2025-03-12T09:00:00Z");
        recordedAt(day, () -> as("admin").post("/api/v1/districts/enskede-arsta-vantor/rollout/adoptions",
                Map.of("workModel", TEAM, "effectiveFrom", "2021-05-01")));
        String digestPath = "/api/v1/audit/digests/2025-03-12";
        JsonNode digest = as("auditor").get(digestPath).json();
        assertThat(digest.get("format").asInt()).isEqualTo(2);
        assertThat(digest.get("streams").asInt()).as(digest.toString()).isGreaterThan(digest.get("cases").asInt());
        assertThat(digest.has("accessLogPosition")).as("the access log's head is bound too").isTrue();
        assertThat(digest.get("accessLogHead").asText()).hasSize(64);
        assertThat(as("auditor").get(digestPath + "/verify").json().get("intact").asBoolean()).isTrue();

        tamper(jdbc, "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'2021-05-01', '2020-05-01'), 'UTF8') WHERE aggregateidentifier = 'enskede-arsta-vantor'",
                rechain("enskede-arsta-vantor", 0, 0));

        JsonNode verdict = as("auditor").get(digestPath + "/verify").json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("stored")).isEqualTo(digest.get("digest"));
    }
}
