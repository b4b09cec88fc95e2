package se.tidigt.gateway.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.TestDatabase;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** When PostgreSQL cannot be reached, writes and reads answer 503 and readiness goes down; then it recovers. */
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=1500")
class DatabaseOutageApiTest extends ApiTest {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @AfterEach
    void reopen() {
        TestDatabase.allowConnections(databaseUrl, true);
    }

    @Test
    void an_unreachable_database_is_503_and_nothing_half_done() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2))).json()
                .get("caseId").asText();

        TestDatabase.allowConnections(databaseUrl, false);
        var refused = hv().post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false));
        assertThat(assertProblem(refused, 503).get("type").asText()).endsWith("database-unavailable");
        assertThat(refused.header("Retry-After")).as("tells the client when to retry").isEqualTo("5");
        assertProblem(hv().get("/api/v1/cases/" + caseId), 503);
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);

        TestDatabase.allowConnections(databaseUrl, true);
        // A client retries after a 503, as the problem says; the pool may still hand out a dead connection or two.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> hv()
                .post("/api/v1/cases/" + caseId + "/protection-assessment",
                        Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)).status() == 200);
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("version").asLong())
                .as("the refused attempts stored nothing").isEqualTo(2);
    }
}
