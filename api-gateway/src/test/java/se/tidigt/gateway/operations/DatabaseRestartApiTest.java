package se.tidigt.gateway.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.OneShotHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * PostgreSQL itself stopped and started again, twice, under a load of writes and reads: an embedded
 * PostgreSQL owned by this test (a fixed port and a data directory that outlive it), never the shared
 * server. Meanwhile every answer is a success or 503 problem details with Retry-After, never a 500;
 * the application recovers without a restart (the pool reconnects, the streaming projection resumes);
 * every acknowledged write is stored. Liveness stays UP while readiness is not.
 */
@SpringBootTest(classes = TidigtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "tidigt.demo-users=true", "tidigt.demo-data=false",
                // As deploy/kubernetes/configmap.yaml (TIDIGT_DB_CONNECTION_TIMEOUT): a request waits at most 5 s for a connection.
                "spring.datasource.hikari.connection-timeout=5000"})
@ContextConfiguration(initializers = DatabaseRestartApiTest.RestartablePostgres.class)
@DirtiesContext
class DatabaseRestartApiTest {
    private static final int WRITERS = 4;
    private static final int RESTARTS = 2;
    /** Longer than the pool's connection timeout, so requests meet the outage and not only a pause. */
    private static final Duration OUTAGE = Duration.ofSeconds(7);

    static {
        TidigtApplication.disableAxonUpdateChecker();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** The test's own PostgreSQL: stopped and started on the same port and data directory. */
    static final class RestartablePostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        static Path dataDirectory;
        static int postgresPort;
        static volatile EmbeddedPostgres running;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                dataDirectory = Files.createTempDirectory("tidigt-restart-pg");
                try (ServerSocket free = new ServerSocket(0)) {
                    postgresPort = free.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("restartable-postgres", Map.of(
                    "spring.datasource.url", running.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres")));
        }

        static void start() {
            try {
                running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setPort(postgresPort).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void stop() {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void postgresql_restarted_under_load_answers_503_never_500_recovers_and_loses_nothing_acknowledged() throws Exception {
        String known = Api.JSON.readTree(write().body()).get("caseId").asText();
        List<String> acknowledged = new CopyOnWriteArrayList<>(List.of(known));
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> badAnswers = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger unavailableWhileDown = new AtomicInteger();
        AtomicInteger writesAfterRestart = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS + 1);
        List<String> probesWhileDown = new ArrayList<>();
        try {
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < WRITERS + 1; c++) {
                boolean reader = c == WRITERS;
                load.add(clients.submit(() -> {
                    while (running.get()) {
                        OneShotHttp.Answer answer = reader
                                ? OneShotHttp.send(port, "GET", "/api/v1/cases/" + known, "hv-admin", null) : write();
                        String kind = (reader ? "read " : "write ") + answer.status();
                        answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                        if (answer.status() == 201) {
                            acknowledged.add(Api.JSON.readTree(answer.body()).get("caseId").asText());
                        }
                        if (answer.status() == 503 && down.get()) {
                            unavailableWhileDown.incrementAndGet();
                        }
                        boolean fine = answer.status() == (reader ? 200 : 201) || (answer.status() == 503
                                && answer.retryAfter() != null && answer.isProblem());
                        if (!fine || answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                            badAnswers.add(kind + " " + answer.contentType() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (int restart = 0; restart < RESTARTS; restart++) {
                Thread.sleep(2000);
                RestartablePostgres.stop();
                down.set(true);
                Thread.sleep(OUTAGE.toMillis() / 2);
                probesWhileDown.add("liveness " + OneShotHttp.send(port, "GET", "/actuator/health/liveness", null, null).status()
                        + ", readiness " + OneShotHttp.send(port, "GET", "/actuator/health/readiness", null, null).status());
                Thread.sleep(OUTAGE.toMillis() / 2);
                down.set(false);
                RestartablePostgres.start();
                int before = acknowledged.size();
                // Writes go through again, with the same application (no restart): the pool reconnected.
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > before + WRITERS);
                writesAfterRestart.addAndGet(acknowledged.size() - before);
            }
            Thread.sleep(1000);
            running.set(false);
            for (Future<?> f : load) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
        }
        System.out.printf("PostgreSQL restarted %d times (outage %d s each): answers %s; 503 while down %d; "
                        + "acknowledged %d (%d after the restarts); probes while down %s%n", RESTARTS, OUTAGE.toSeconds(),
                new TreeMap<>(answers), unavailableWhileDown.get(), acknowledged.size(), writesAfterRestart.get(), probesWhileDown);

        assertThat(badAnswers).as("only success, or 503 problem details with Retry-After").isEmpty();
        assertThat(unavailableWhileDown.get()).as("the outage was met").isPositive();
        assertThat(probesWhileDown).as("alive but not ready while PostgreSQL is down")
                .allSatisfy(p -> assertThat(p).startsWith("liveness 200,").doesNotEndWith("readiness 200"));
        // Nothing acknowledged is lost: every 201's case is in the event store.
        Long stored = jdbc.queryForObject("SELECT count(DISTINCT aggregateidentifier) FROM domainevententry WHERE "
                + "aggregateidentifier = ANY (?)", Long.class, (Object) acknowledged.toArray(String[]::new));
        assertThat(stored).isEqualTo(acknowledged.size());
        // The streaming projection resumed by itself: it reaches every acknowledged case.
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM case_fact WHERE case_id = ANY (?)", Long.class,
                (Object) acknowledged.toArray(String[]::new))).isEqualTo(acknowledged.size()));
    }

    private OneShotHttp.Answer write() throws IOException {
        return OneShotHttp.send(port, "POST", "/api/v1/districts/hasselby-vallingby/cases", "hv-admin",
                Api.JSON.writeValueAsBytes(concern(daysAgo(2))));
    }
}
