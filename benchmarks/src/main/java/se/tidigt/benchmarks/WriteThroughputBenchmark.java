package se.tidigt.benchmarks;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;

/**
 * Writes through the whole stack (HTTP Basic, idempotency transaction, Axon, JDBC event store, the
 * case view in the same transaction) from several clients at once, and prints requests per second
 * and latency percentiles as a BENCHMARKS.md row. A program, not a test: run it as BENCHMARKS.md says.
 *
 * <p>Arguments: clients (default 10), seconds (default 20), then any Spring Boot arguments to compare
 * settings (e.g. {@code --axon.timeout.enabled=true}). Each request raises a case or records a
 * protection assessment on a case the same client raised, so every request appends one event.
 */
public final class WriteThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        TidigtApplication.disableAxonUpdateChecker();
        List<String> springArgs = new ArrayList<>(List.of(
                "--server.port=0", "--spring.datasource.url=" + TestDatabase.freshDatabase(),
                "--spring.datasource.username=" + System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres"),
                "--tidigt.pseudonym-key=benchmark-pseudonym-key-synthetic",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=", "--tidigt.demo-users=true",
                "--tidigt.demo-data=false", "--logging.level.root=warn"));
        springArgs.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TidigtApplication.class)
                .run(springArgs.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            run(port, clients, Duration.ofSeconds(3));                     // warm-up
            List<Long> latencies = run(port, clients, Duration.ofSeconds(seconds));
            report(clients, seconds, latencies);
        }
        // Axon leaves a non-daemon janitor thread; exec:java would wait for it forever.
        System.exit(0);
    }

    private static List<Long> run(int port, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant end = Instant.now().plus(duration);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> client(Api.at(port, "hv-admin"), end)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static List<Long> client(Api api, Instant end) {
        List<Long> latencies = new ArrayList<>();
        String caseId = null;
        while (Instant.now().isBefore(end)) {
            long start = System.nanoTime();
            Api.Response response;
            if (caseId == null) {
                response = api.post("/api/v1/districts/hasselby-vallingby/cases",
                        concern(childAged(12), Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
                caseId = response.status() == 201 ? response.json().get("caseId").asText() : null;
            } else {
                response = api.post("/api/v1/cases/" + caseId + "/collaborations", Map.of("partner", "SCHOOL",
                        "kind", "MEETING", "occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));
                if (latencies.size() % 20 == 19) {
                    caseId = null;
                }
            }
            if (response.status() >= 300) {
                throw new IllegalStateException("Refused during the benchmark: " + response);
            }
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static void report(int clients, int seconds, List<Long> latencies) {
        Collections.sort(latencies);
        double perSecond = latencies.size() / (double) seconds;
        System.out.printf("| %d clients | %d s | %d writes | %.0f writes/s | p50 %.1f ms | p99 %.1f ms |%n", clients, seconds,
                latencies.size(), perSecond, millis(latencies, 0.50), millis(latencies, 0.99));
    }

    private static double millis(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
