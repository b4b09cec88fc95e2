package se.tidigt.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.CollaborationKind;
import se.tidigt.cases.api.CollaborationPartner;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.RaiseConcern;
import se.tidigt.cases.api.RecordCollaboration;
import se.tidigt.cases.api.ReporterCategory;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.rollout.api.WorkModels;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The write path without HTTP: the same writes as the REST benchmark (raise a case, record 19
 * collaborations on it, raise the next) sent straight to Axon's {@link CommandGateway} by n threads
 * inside a JVM that hosts the whole application (command bus, aggregate, JDBC event store, the case
 * view in the same transaction, the statistics processor streaming behind). The gap between this and
 * the REST figure is what HTTP, security, idempotency and the gateway's own checks cost.
 *
 * <p>Run by {@code deploy/benchmark/run.sh} with the application's jar under test on the class path
 * (Spring Boot's PropertiesLauncher, this class from {@code loader.path}), so it measures whatever build
 * it is given. Arguments: {@code --clients=1,16,64 --seconds=10 --warmup=5}; anything else is handed to
 * Spring Boot (the database comes from the environment, as for the jar). Prints one {@code RESULT} line
 * per client count.
 */
public final class CommandGatewayBenchmark {
    private static final int WRITES_PER_CASE = 20;

    public static void main(String[] args) throws Exception {
        List<Integer> clients = List.of(1, 16, 64);
        int seconds = 10;
        int warmup = 5;
        List<String> springArgs = new ArrayList<>(List.of("--server.port=0", "--tidigt.demo-data=false",
                "--logging.level.root=warn"));
        for (String arg : args) {
            if (arg.startsWith("--clients=")) {
                clients = Arrays.stream(arg.substring(10).split(",")).map(Integer::valueOf).toList();
            } else if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring(10));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring(9));
            } else {
                springArgs.add(arg);
            }
        }
        TidigtApplication.disableAxonUpdateChecker();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TidigtApplication.class)
                .run(springArgs.toArray(String[]::new))) {
            CommandGateway gateway = app.getBean(CommandGateway.class);
            run(gateway, clients.stream().max(Integer::compare).orElse(1), Duration.ofSeconds(warmup));
            for (int n : clients) {
                List<Long> latencies = run(gateway, n, Duration.ofSeconds(seconds));
                System.out.println(result(n, seconds, latencies));
            }
        }
        // Axon leaves a non-daemon janitor thread behind.
        System.exit(0);
    }

    private static List<Long> run(CommandGateway gateway, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant end = Instant.now().plus(duration);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> client(gateway, end)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static List<Long> client(CommandGateway gateway, Instant end) {
        List<Long> latencies = new ArrayList<>();
        String caseId = null;
        int written = 0;
        while (Instant.now().isBefore(end)) {
            long start = System.nanoTime();
            if (caseId == null || written % WRITES_PER_CASE == 0) {
                caseId = UUID.randomUUID().toString();
                gateway.sendAndWait(raise(caseId));
            } else {
                gateway.sendAndWait(new RecordCollaboration(caseId, CollaborationPartner.SCHOOL, CollaborationKind.MEETING,
                        Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), null));
            }
            written++;
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static RaiseConcern raise(String caseId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] pseudonym = new byte[32];
        random.nextBytes(pseudonym);
        Child child = new Child(HexFormat.of().formatHex(pseudonym), YearMonth.now().minusYears(random.nextInt(1, 17)), false);
        return new RaiseConcern(caseId, "hasselby-vallingby", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                ReporterCategory.SCHOOL, Set.of(ConcernKind.CRIME_RISK, ConcernKind.SCHOOL_ABSENCE), child, WorkModels.ORDINARY_CODE);
    }

    private static String result(int clients, int seconds, List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        return String.format("RESULT clients=%d requests=%d duration_us=%d p50_us=%d p99_us=%d", clients, sorted.size(),
                seconds * 1_000_000L, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1000;
    }
}
