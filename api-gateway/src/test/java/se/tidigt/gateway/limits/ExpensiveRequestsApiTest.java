package se.tidigt.gateway.limits;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * The documented maxima of simulations, replicates, waves, months and page sizes (400 beyond, naming the
 * parameter), and the per-user limit on expensive requests over HTTP (429 with Retry-After).
 */
class ExpensiveRequestsApiTest extends ApiTest {
    @Autowired
    ExpensiveRequests expensive;

    @Test
    void parameters_beyond_their_documented_maxima_are_400_naming_them() {
        Api analyst = as("analyst");
        refused(analyst.postRaw("/api/v1/rollout-plans", plan(Bounds.MAX_WAVES + 1, 6, 200), "application/json"), "waves");
        refused(analyst.postRaw("/api/v1/rollout-plans", plan(1, Bounds.MAX_MONTHS_PER_WAVE + 1, 200), "application/json"),
                "monthsPerWave");
        refused(analyst.postRaw("/api/v1/rollout-plans", plan(Bounds.MAX_WAVES, Bounds.MAX_MONTHS_PER_WAVE, 200),
                "application/json"), "monthsPerWave");
        refused(analyst.postRaw("/api/v1/rollout-plans", plan(2, 6, Bounds.MAX_SIMULATIONS + 1), "application/json"),
                "simulations");
        refused(analyst.get("/api/v1/stats/rollout-effect?replicates=" + (Bounds.MAX_REPLICATES + 1)), "replicates");
        refused(hv().get("/api/v1/districts/hasselby-vallingby/cases?size=201"), "size");
        refused(hv().get("/api/v1/districts/hasselby-vallingby/cases?page=1000001"), "page");
        refused(as("auditor").get("/api/v1/audit/access-log?size=501"), "size");
        assertThat(analyst.postRaw("/api/v1/rollout-plans", plan(2, 6, 50), "application/json").status())
                .as("within the bounds").isEqualTo(200);
    }

    @Test
    void a_second_expensive_request_of_a_user_while_one_runs_is_429_with_retry_after() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService running = Executors.newSingleThreadExecutor();
        try {
            // The analyst's first expensive computation, held until released.
            running.submit(() -> expensive.run("analyst", () -> {
                try {
                    return release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> expensive.running("analyst") == 1);
            Api.Response plan = as("analyst").postRaw("/api/v1/rollout-plans", plan(2, 6, 50), "application/json");
            assertProblem(plan, 429);
            assertThat(plan.header("Retry-After")).isEqualTo("5");
            Api.Response effect = as("analyst").get("/api/v1/stats/rollout-effect?seed=" + System.nanoTime() + "&replicates=99");
            assertProblem(effect, 429);
            assertThat(effect.header("Retry-After")).isEqualTo("5");
            assertThat(as("admin").postRaw("/api/v1/rollout-plans", plan(2, 6, 50), "application/json").status())
                    .as("another user meanwhile").isEqualTo(200);
        } finally {
            release.countDown();
            running.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> expensive.running("analyst") == 0);
        assertThat(as("analyst").postRaw("/api/v1/rollout-plans", plan(2, 6, 50), "application/json").status()).isEqualTo(200);
    }

    private static void refused(Api.Response answer, String parameter) {
        assertThat(assertProblem(answer, 400).toString()).as(answer.toString()).contains(parameter);
    }

    private static String plan(int waves, int monthsPerWave, int simulations) {
        return "{\"workModel\":\"VALLINGBY_TEAM\",\"districts\":[\"farsta\",\"bromma\"],\"firstWaveStart\":\"2027-01-01\","
                + "\"waves\":" + waves + ",\"monthsPerWave\":" + monthsPerWave + ",\"design\":\"STEPPED_WEDGE\",\"seed\":7,"
                + "\"dryRun\":true,\"simulations\":" + simulations + "}";
    }
}
