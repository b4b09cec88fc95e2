package se.tidigt.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that hangs up while its expensive computation runs: over real HTTP on a socket of its own,
 * closed mid-computation, the computation is cancelled, stops early (it never completes) and the user's
 * slot is free again; a client that waits gets its answer from the same request.
 */
class ClientHangUpApiTest extends ApiTest {
    /**
     * A dry-run plan over the eleven districts, ten waves of a year, 1,000 simulations with a target effect
     * and 50 answers a district a month: the most simulation work the bounds allow.
     */
    private static final String SLOW_PLAN = "{\"workModel\":\"VALLINGBY_TEAM\",\"districts\":[\"farsta\",\"bromma\",\"jarva\","
            + "\"norra-innerstaden\",\"sodermalm\",\"kungsholmen\",\"hagersten-alvsjo\",\"enskede-arsta-vantor\","
            + "\"hasselby-vallingby\",\"skarholmen\",\"skarpnack\"],\"firstWaveStart\":\"2027-01-01\","
            + "\"waves\":10,\"monthsPerWave\":12,\"design\":\"STEPPED_WEDGE\",\"seed\":11,\"targetEffect\":0.1,"
            + "\"answersPerMonth\":50,\"acceptanceRate\":0.5,"
            + "\"dryRun\":true,\"simulations\":" + Bounds.MAX_SIMULATIONS + "}";

    @Autowired
    ExpensiveRequests expensive;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_computation_whose_client_hangs_up_is_stopped_early_and_frees_the_users_slot() throws Exception {
        double hungUp = count("tidigt.expensive.cancelled", "reason", "client-gone");
        double stopped = count("tidigt.expensive.ended", "outcome", "stopped");
        double completed = count("tidigt.expensive.ended", "outcome", "completed");

        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(post("/api/v1/rollout-plans", "analyst", SLOW_PLAN));
            out.flush();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> expensive.running("analyst") == 1);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("tidigt.expensive.cancelled", "reason", "client-gone")).isEqualTo(hungUp + 1);
            assertThat(count("tidigt.expensive.ended", "outcome", "stopped")).as("the simulation stopped at its next draw")
                    .isEqualTo(stopped + 1);
            assertThat(expensive.running("analyst")).as("the analyst's slot").isZero();
        });
        assertThat(count("tidigt.expensive.ended", "outcome", "completed")).as("the abandoned simulation never completed")
                .isEqualTo(completed);
        assertThat(as("analyst").postRaw("/api/v1/rollout-plans", SLOW_PLAN.replace("\"simulations\":1000", "\"simulations\":50"),
                "application/json").status()).as("the analyst's next expensive request").isEqualTo(200);
    }

    @Test
    void a_computation_whose_client_hangs_up_while_it_waits_for_a_thread_never_runs_and_frees_the_slot() throws Exception {
        double hungUp = count("tidigt.expensive.cancelled", "reason", "client-gone");
        double neverStarted = count("tidigt.expensive.ended", "outcome", "never-started");
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(2);
        try {
            // Two other computations hold both of the instance's threads, so the analyst's waits in the queue.
            for (String holder : List.of("holder-1", "holder-2")) {
                holders.submit(() -> expensive.run(holder, () -> awaitRelease(release)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> expensive.running("holder-1") + expensive.running("holder-2") == 2);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(post("/api/v1/rollout-plans", "analyst", SLOW_PLAN));
                out.flush();
                await().atMost(Duration.ofSeconds(30)).until(() -> expensive.running("analyst") == 1);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count("tidigt.expensive.cancelled", "reason", "client-gone")).isEqualTo(hungUp + 1);
                assertThat(expensive.running("analyst")).as("the analyst's slot, while the holders still run").isZero();
            });
            assertThat(count("tidigt.expensive.ended", "outcome", "never-started")).isEqualTo(neverStarted + 1);
        } finally {
            release.countDown();
            holders.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> expensive.running("holder-1") + expensive.running("holder-2") == 0);
    }

    @Test
    void a_client_that_waits_gets_the_same_computation_answered_and_nothing_is_cancelled() {
        double hungUp = count("tidigt.expensive.cancelled", "reason", "client-gone");
        double completed = count("tidigt.expensive.ended", "outcome", "completed");
        long started = System.nanoTime();
        Api.Response answer = as("analyst").postRaw("/api/v1/rollout-plans", SLOW_PLAN, "application/json");
        System.out.printf("The slow plan's dry run took %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(count("tidigt.expensive.ended", "outcome", "completed")).isEqualTo(completed + 1);
        assertThat(count("tidigt.expensive.cancelled", "reason", "client-gone")).as("a waiting client is not taken as gone")
                .isEqualTo(hungUp);
    }

    private static boolean awaitRelease(CountDownLatch release) {
        try {
            return release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] post(String path, String user, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + json.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(json, 0, request, head.length(), json.length);
        return request;
    }
}
