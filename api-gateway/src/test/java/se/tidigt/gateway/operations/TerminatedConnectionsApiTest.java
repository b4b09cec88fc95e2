package se.tidigt.gateway.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.OneShotHttp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The application's database connections terminated again and again under a load of writes
 * (pg_terminate_backend, as a failover does): every answer is 201 or 503 with Retry-After — never
 * a 500 — and every acknowledged write is there afterwards. Bounded: 4 clients × 40 writes.
 */
class TerminatedConnectionsApiTest extends ApiTest {
    private static final int CLIENTS = 4;
    private static final int WRITES_PER_CLIENT = 40;

    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String databaseUrl;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.username}")
    String databaseUser;

    @Test
    void terminated_connections_under_load_answer_503_never_500_and_lose_nothing_acknowledged() throws Exception {
        // The terminating connection of its own, outside the application's pool (whose connections die).
        try (java.sql.Connection killer = java.sql.DriverManager.getConnection(databaseUrl, databaseUser, "")) {
            runUnderTermination(killer);
        }
    }

    private OneShotHttp.Answer raiseOnFreshConnection() throws java.io.IOException {
        return OneShotHttp.send(port, "POST", "/api/v1/districts/hasselby-vallingby/cases", "hv-admin",
                Api.JSON.writeValueAsBytes(concern(daysAgo(2))));
    }

    private void runUnderTermination(java.sql.Connection killer) throws Exception {
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> badAnswers = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit((java.util.concurrent.Callable<Void>) () -> {
                    for (int i = 0; i < WRITES_PER_CLIENT; i++) {
                        OneShotHttp.Answer answer = raiseOnFreshConnection();
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.status() == 201) {
                            acknowledged.add(Api.JSON.readTree(answer.body()).get("caseId").asText());
                        } else if (answer.status() != 503 || !"5".equals(answer.retryAfter())) {
                            badAnswers.add(answer.toString());
                        }
                    }
                    return null;
                }));
            }
            int terminated = 0;
            for (int round = 0; round < 30 && running.stream().anyMatch(f -> !f.isDone()); round++) {
                Thread.sleep(100);
                try (java.sql.Statement statement = killer.createStatement();
                     java.sql.ResultSet killed = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM "
                             + "pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    while (killed.next()) {
                        terminated++;
                    }
                }
            }
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
            System.out.printf("terminated %d connections; answers %s; acknowledged %d%n", terminated, statuses,
                    acknowledged.size());
            assertThat(terminated).as("the fault was applied").isPositive();
        } finally {
            clients.shutdownNow();
        }

        assertThat(badAnswers).as("only 201, or 503 with Retry-After").isEmpty();
        assertThat(acknowledged).as("some writes went through").isNotEmpty();
        // The pool may still hold connections killed in the last round; reads retry as a client would.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> hv().get("/api/v1/cases/" + acknowledged.get(0)).status() == 200);
        for (String caseId : acknowledged) {
            assertThat(hv().get("/api/v1/cases/" + caseId).status()).as("acknowledged " + caseId).isEqualTo(200);
        }
        Long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN ("
                + String.join(",", acknowledged.stream().map(id -> "'" + id + "'").toList()) + ")", Long.class);
        assertThat(stored).isEqualTo(acknowledged.size());
    }
}
