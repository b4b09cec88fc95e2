package se.tidigt.benchmarks;

import se.tidigt.cases.api.identity.SyntheticIdentityNumbers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write load of {@link WriteThroughputBenchmark} from a JVM of its own (a load generator in the
 * application's JVM takes its share of the two cores and skews the figures). Each client raises
 * a case, records 19 collaborations on it, raises the next; one event per request. It needs only the
 * JDK and the synthetic identity numbers:
 *
 * <pre>java -cp case-domain/target/classes:benchmarks/target/classes se.tidigt.benchmarks.RestWriteLoad \
 *   http://127.0.0.1:PORT 16 20 20</pre>
 * Arguments: base URL, clients, warm-up seconds, measured seconds. Prints a BENCHMARKS.md row.
 */
public final class RestWriteLoad {
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        if (warmUp > 0) {
            run(http, base, clients, Duration.ofSeconds(warmUp));
        }
        List<Long> latencies = run(http, base, clients, Duration.ofSeconds(seconds));
        Collections.sort(latencies);
        System.out.printf("| %d | %d s | %d | %.0f writes/s | %.1f ms | %.1f ms |%n", clients, seconds, latencies.size(),
                latencies.size() / (double) seconds, millis(latencies, 0.50), millis(latencies, 0.99));
        System.exit(0);
    }

    private static List<Long> run(HttpClient http, String base, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant end = Instant.now().plus(duration);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> client(http, base, end)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static List<Long> client(HttpClient http, String base, Instant end) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("hv-admin:demo".getBytes(StandardCharsets.UTF_8));
        List<Long> latencies = new ArrayList<>();
        String caseId = null;
        int onCase = 0;
        while (Instant.now().isBefore(end)) {
            String path;
            String body;
            if (caseId == null) {
                path = "/api/v1/districts/hasselby-vallingby/cases";
                String child = SyntheticIdentityNumbers.formatted(LocalDate.now().minusYears(12).minusDays(40),
                        new Random(SEED.incrementAndGet()));
                body = "{\"receivedAt\":\"" + Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"reporter\":\"SCHOOL\",\"concerns\":[\"CRIME_RISK\",\"SCHOOL_ABSENCE\"],"
                        + "\"child\":{\"personalIdentityNumber\":\"" + child + "\"}}";
            } else {
                path = "/api/v1/cases/" + caseId + "/collaborations";
                body = "{\"partner\":\"SCHOOL\",\"kind\":\"MEETING\",\"occurredAt\":\""
                        + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}";
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Refused during the load: " + response.statusCode() + " " + response.body());
            }
            latencies.add(took);
            if (caseId == null) {
                Matcher m = CASE_ID.matcher(response.body());
                caseId = m.find() ? m.group(1) : null;
                onCase = 0;
            } else if (++onCase == 19) {
                caseId = null;
            }
        }
        return latencies;
    }

    private static double millis(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
