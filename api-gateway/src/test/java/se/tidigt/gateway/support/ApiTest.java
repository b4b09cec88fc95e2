package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.query.stats.PreparedAnswers;
import se.tidigt.query.stats.StatisticsPosition;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The whole application on a random port, over real HTTP, against a fresh real PostgreSQL database
 * (one per application context; test classes share it, so they use their own cases and children).
 * Both the demo users (HTTP Basic) and bearer tokens signed by {@link Tokens}
 * ({@link TestIdentityProvider}) are accepted.
 */
@SpringBootTest(classes = TidigtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "tidigt.demo-users=true", "tidigt.demo-data=false"})
@ContextConfiguration(initializers = {TestDatabase.class, TestIdentityProvider.class})
public abstract class ApiTest {
    static {
        TidigtApplication.disableAxonUpdateChecker();
    }

    @LocalServerPort
    protected int port;
    @Autowired
    private StatisticsPosition statisticsPosition;
    @Autowired
    private PreparedAnswers preparedAnswers;

    protected Api as(String user) {
        return Api.at(port, user);
    }

    protected Api hv() {
        return as("hv-admin");
    }

    /** As the holder of this bearer token. */
    protected Api bearer(String token) {
        return anonymous().with("Authorization", "Bearer " + token);
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    /** The statistics projection ({@code case-statistics}) as the platform admin sees it in {@code GET /api/v1/admin/projections}. */
    protected JsonNode statisticsProjection() {
        for (JsonNode projection : as("admin").get("/api/v1/admin/projections").json()) {
            if (projection.get("name").asText().equals("case-statistics")) {
                return projection;
            }
        }
        throw new AssertionError("no case-statistics projection");
    }

    /**
     * Until the statistics projection has applied every event written so far (lag 0) and the answers read
     * lately are prepared at the facts' position: until then a query read before may be given its answer of
     * an earlier position ({@link PreparedAnswers}).
     */
    protected void awaitStatisticsCaughtUp() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> statisticsProjection().get("lag").asLong() == 0 && statisticsAnswersPrepared());
    }

    /** The answers read lately are prepared at the statistics' current state. */
    protected boolean statisticsAnswersPrepared() {
        return statisticsPosition.state().equals(preparedAnswers.preparedAt());
    }
}
