package se.tidigt.platform.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** Replays run one at a time per projection, and a failed one is reported, with the processor still running. */
@Import(ResetMadeToFail.class)
// A context of its own (test-only handlers): closed after the class so its connections go back to the server.
@org.springframework.test.annotation.DirtiesContext
class ReplayApiTest extends ApiTest {
    private static final String PROJECTIONS = "/api/v1/admin/projections";

    @AfterEach
    void disarm() {
        ResetMadeToFail.FAIL.set(false);
        CountDownLatch hold = ResetMadeToFail.HOLD.getAndSet(null);
        if (hold != null) {
            hold.countDown();
        }
        // The next test starts with no replay running.
        await().atMost(Duration.ofSeconds(30)).until(() -> !statisticsProjection().get("replaying").asBoolean()
                && !"RUNNING".equals(statisticsProjection().at("/replay/state").asText()));
    }

    @Test
    void a_failed_reset_is_reported_and_the_processor_keeps_running() {
        ResetMadeToFail.FAIL.set(true);
        assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(statisticsProjection().at("/replay/state").asText()));
        JsonNode status = statisticsProjection();
        assertThat(status.at("/replay/error").asText()).contains("reset made to fail");
        assertThat(status.get("running").asBoolean()).as("not left stopped").isTrue();
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2)))
                .json().get("caseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> statisticsProjection().get("lag").asLong() == 0);
        assertThat(caseId).isNotBlank();

        ResetMadeToFail.FAIL.set(false);
        assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Set.of("STARTED", "DONE").contains(statisticsProjection().at("/replay/state").asText()));
    }

    @Test
    void a_second_replay_of_a_projection_while_one_runs_is_409() {
        CountDownLatch hold = new CountDownLatch(1);
        ResetMadeToFail.HOLD.set(hold);
        assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);

        JsonNode refused = assertProblem(admin().post(PROJECTIONS + "/case-statistics/replay", ""), 409);
        assertThat(refused.get("detail").asText()).contains("already running");
        assertThat(admin().post(PROJECTIONS + "/case-view/replay", "").status())
                .as("another projection may replay meanwhile").isEqualTo(202);

        hold.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Set.of("STARTED", "DONE").contains(statisticsProjection().at("/replay/state").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !statisticsProjection().get("replaying").asBoolean());
        assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
    }

    @Test
    void every_segment_is_listed_with_its_owner_position_and_lag() {
        hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> statisticsProjection().get("lag").asLong() == 0);
        JsonNode segments = statisticsProjection().get("segments");
        assertThat(segments).hasSize(4);
        for (JsonNode segment : segments) {
            assertThat(segment.get("owner").asText()).as(segment.toString()).isNotBlank();
            assertThat(segment.has("lag")).isTrue();
            assertThat(segment.has("error")).as("null errors are left out, never a missing segment").isFalse();
        }
    }

    private Api admin() {
        return as("admin");
    }
}
