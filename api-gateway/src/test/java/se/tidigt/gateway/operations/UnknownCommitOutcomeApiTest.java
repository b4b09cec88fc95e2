package se.tidigt.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * When the commit itself fails, the application cannot know whether the write was stored: the
 * answer is 503 with Retry-After and says to retry with the same Idempotency-Key — never "nothing
 * was stored". The commit is made to fail by a deferred constraint trigger, checked at COMMIT.
 */
class UnknownCommitOutcomeApiTest extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void installCommitFault() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_commit_fault (aggregate_pattern TEXT)");
        jdbc.execute("CREATE OR REPLACE FUNCTION test_commit_fault() RETURNS trigger AS $$ BEGIN "
                + "IF EXISTS (SELECT 1 FROM test_commit_fault WHERE NEW.aggregateidentifier LIKE aggregate_pattern) THEN RAISE EXCEPTION 'commit made to fail'; END IF; "
                + "RETURN NULL; END $$ LANGUAGE plpgsql");
        jdbc.execute("DROP TRIGGER IF EXISTS test_commit_fault ON domainevententry");
        jdbc.execute("CREATE CONSTRAINT TRIGGER test_commit_fault AFTER INSERT ON domainevententry "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_commit_fault()");
    }

    @AfterEach
    void removeCommitFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_commit_fault ON domainevententry");
        jdbc.execute("DELETE FROM test_commit_fault");
    }

    @Test
    void a_failed_commit_is_503_saying_the_outcome_is_unknown_and_a_retry_with_the_key_settles_it() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json()
                .get("caseId").asText();
        Api withKey = hv().with("Idempotency-Key", "assess-" + caseId);
        Map<String, Object> body = Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false);

        jdbc.update("INSERT INTO test_commit_fault VALUES ('%')");
        Api.Response failed = withKey.post("/api/v1/cases/" + caseId + "/protection-assessment", body);

        JsonNode problem = assertProblem(failed, 503);
        assertThat(failed.header("Retry-After")).isEqualTo("5");
        assertThat(problem.get("type").asText()).endsWith("outcome-unknown");
        assertThat(problem.get("detail").asText()).contains("same Idempotency-Key").doesNotContain("nothing was stored");

        jdbc.update("DELETE FROM test_commit_fault");
        assertThat(withKey.post("/api/v1/cases/" + caseId + "/protection-assessment", body).status()).isEqualTo(200);
        Api.Response again = withKey.post("/api/v1/cases/" + caseId + "/protection-assessment", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void an_import_stopped_by_a_failed_commit_reports_the_lines_before_and_a_second_run_stores_each_line_once() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "import-" + run + "-1";
        String failing = "import-" + run + "-2";
        String third = "import-" + run + "-3";
        String ndjson = String.join("\n", raise(first), raise(failing), raise(third));
        jdbc.update("INSERT INTO test_commit_fault VALUES (?)", failing);

        Api.Response stopped = hv().postRaw("/api/v1/import", ndjson, "application/x-ndjson");

        JsonNode problem = assertProblem(stopped, 503);
        assertThat(stopped.header("Retry-After")).isEqualTo("5");
        assertThat(problem.get("resumeFromLine").asInt()).isEqualTo(2);
        assertThat(problem.at("/report/stored").asInt()).isEqualTo(1);
        assertThat(problem.at("/report/results/0/result/caseId").asText()).isEqualTo(first);
        assertThat(problem.get("detail").asText()).contains("line 2", "same Idempotency-Key");
        assertThat(hv().get("/api/v1/cases/" + third).status()).as("nothing after the failure was tried").isEqualTo(404);

        jdbc.update("DELETE FROM test_commit_fault");
        JsonNode report = hv().postRaw("/api/v1/import", ndjson, "application/x-ndjson").json();
        assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(report.at("/results/0/status").asInt()).as("the stored line answers as before").isEqualTo(201);
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, "import-" + run + "-%");
        assertThat(events).as("each line stored once").isEqualTo(3);
    }

    private static String raise(String caseId) {
        return "{\"type\":\"RaiseConcern\",\"caseId\":\"" + caseId + "\",\"district\":\"hasselby-vallingby\","
                + "\"receivedAt\":\"2024-09-01T08:00:00Z\",\"reporter\":\"POLICE\",\"concerns\":[\"CRIME_RISK\"],"
                + "\"child\":{\"personalIdentityNumber\":\"" + se.tidigt.gateway.support.CaseRequests.childAged(15) + "\"}}";
    }
}
