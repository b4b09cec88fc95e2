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
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_commit_fault (armed BOOLEAN)");
        jdbc.execute("CREATE OR REPLACE FUNCTION test_commit_fault() RETURNS trigger AS $$ BEGIN "
                + "IF EXISTS (SELECT 1 FROM test_commit_fault) THEN RAISE EXCEPTION 'commit made to fail'; END IF; "
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

        jdbc.update("INSERT INTO test_commit_fault VALUES (true)");
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
}
