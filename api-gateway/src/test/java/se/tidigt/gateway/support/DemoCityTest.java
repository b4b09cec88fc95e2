package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import se.tidigt.gateway.TidigtApplication;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The whole application with the demo data generator on, at its default volume, against a fresh
 * real PostgreSQL database. Every test class extending this shares the one context, so the city is
 * loaded once per test run; each test waits until the load is done, the statistics caught up and their
 * answers read lately prepared.
 */
@SpringBootTest(classes = TidigtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "tidigt.demo-users=true", "tidigt.demo-data=true"})
public abstract class DemoCityTest extends ApiTest {

    @BeforeEach
    void demoCityLoaded() {
        Api admin = as("admin");
        await("the demo data load").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            String state = admin.get("/api/v1/admin/demo-data").json().path("state").asText();
            if (state.equals("FAILED")) {
                throw new AssertionError("The demo data load failed: " + admin.get("/api/v1/admin/demo-data").body());
            }
            return state.equals("DONE");
        });
        await("the statistics catch up").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
                if (projection.path("lag").asLong() > 0) {
                    return false;
                }
            }
            return statisticsAnswersPrepared();
        });
    }
}
