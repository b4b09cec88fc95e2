package se.tidigt.audit.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Group commit of the access log: concurrent reads are committed together, each with its own entry,
 * the chain intact; a row the database refuses fails only its own read (the batch is written again entry by entry); a full queue answers
 * 503. Batches are made deterministic by holding the chain's advisory lock from the test: the first
 * read's batch waits on it, the others queue behind it, and releasing the lock lets them through.
 */
@TestPropertySource(properties = {"tidigt.access-log.queue-capacity=100", "tidigt.access-log.wait=60s",
        "spring.datasource.hikari.connection-timeout=1500"})
class AccessLogGroupCommitApiTest extends ApiTest {
    private static final String STATS = "/api/v1/stats/city?groupBy=district";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessLog accessLog;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String databaseUser;

    private final ExecutorService readers = Executors.newFixedThreadPool(128);

    @AfterEach
    void cleanUp() {
        readers.shutdownNow();
        TestDatabase.allowConnections(databaseUrl, true);
        jdbc.execute("DROP TRIGGER IF EXISTS access_log_test_poison ON access_log");
    }

    @Test
    void sixty_four_concurrent_reads_are_committed_in_two_transactions_each_with_its_own_entry_and_the_chain_verifies()
            throws Exception {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2))).json()
                .get("caseId").asText();
        String run = "gc-" + UUID.randomUUID();
        List<Future<Api.Response>> reads = new ArrayList<>();
        try (Connection lock = holdChainLock()) {
            reads.add(read(run, 0, caseId));
            awaitAppenderBlockedOnTheLock();
            for (int i = 1; i < 64; i++) {
                reads.add(read(run, i, caseId));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accessLog.waiting() == 63);
        }
        for (Future<Api.Response> read : reads) {
            assertThat(read.get().status()).as(read.get().toString()).isEqualTo(200);
        }

        List<String> correlationIds = jdbc.queryForList(
                "SELECT correlation_id FROM access_log WHERE correlation_id LIKE ? ORDER BY correlation_id", String.class, run + "-%");
        assertThat(correlationIds).hasSize(64).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT xmin::text) FROM access_log WHERE correlation_id LIKE ?",
                Long.class, run + "-%")).as("the first read's transaction, then one for the 63 that queued behind it")
                .isEqualTo(2);
        assertChainWhole();
    }

    @Test
    void a_row_the_database_refuses_fails_only_its_own_read_and_the_others_of_its_batch_are_stored()
            throws Exception {
        // A second trigger, for this test only, that refuses one entry as a broken row would be refused.
        jdbc.execute("CREATE OR REPLACE FUNCTION access_log_test_poison() RETURNS TRIGGER LANGUAGE plpgsql AS $$ "
                + "BEGIN IF NEW.correlation_id LIKE '%-poison' THEN RAISE EXCEPTION 'refused for the test'; END IF; "
                + "RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER access_log_test_poison BEFORE INSERT ON access_log FOR EACH ROW "
                + "EXECUTE FUNCTION access_log_test_poison()");
        String run = "gc-" + UUID.randomUUID();
        Future<Api.Response> alone;
        List<Future<Api.Response>> batch = new ArrayList<>();
        Future<Api.Response> poison;
        try (Connection lock = holdChainLock()) {
            alone = read(run, 0, null);
            awaitAppenderBlockedOnTheLock();
            for (int i = 1; i <= 10; i++) {
                batch.add(read(run, i, null));
            }
            poison = readAs(run + "-poison", null);
            await().atMost(Duration.ofSeconds(60)).until(() -> accessLog.waiting() == 11);
        }

        assertThat(alone.get().status()).isEqualTo(200);
        for (Future<Api.Response> read : batch) {
            assertThat(read.get().status()).as("a reader who shared the batch with the refused entry").isEqualTo(200);
        }
        assertAccessLogUnavailable(poison.get());
        assertThat(poison.get().body()).doesNotContain("\"districts\"");
        assertThat(entriesOf(run)).as("every entry but the refused one").isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE correlation_id = ?", Long.class,
                run + "-poison")).isZero();

        assertThat(readAs(run + "-after", null).get().status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE correlation_id = ?", Long.class,
                run + "-after")).isEqualTo(1);
        assertChainWhole();
    }

    @Test
    void reads_while_the_database_refuses_connections_answer_503_are_not_logged_and_reads_recover() throws Exception {
        String run = "gc-" + UUID.randomUUID();
        TestDatabase.allowConnections(databaseUrl, false);
        List<Future<Api.Response>> refused = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refused.add(read(run, i, null));
        }
        for (Future<Api.Response> read : refused) {
            assertProblem(read.get(), 503);
            assertThat(read.get().header("Retry-After")).isEqualTo("5");
        }
        TestDatabase.allowConnections(databaseUrl, true);
        // The pool may hand out a dead connection or two before it notices; a client retries after a 503.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> readAs(run + "-after", null).get().status() == 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE correlation_id LIKE ? "
                + "AND correlation_id NOT LIKE ?", Long.class, run + "-%", run + "-after")).isZero();
        assertChainWhole();
    }

    @Test
    void a_full_queue_answers_503_with_retry_after_at_once_and_the_queued_reads_still_succeed() throws Exception {
        String run = "gc-" + UUID.randomUUID();
        List<Future<Api.Response>> reads = new ArrayList<>();
        Api.Response overflow;
        try (Connection lock = holdChainLock()) {
            reads.add(read(run, 0, null));
            awaitAppenderBlockedOnTheLock();
            for (int i = 1; i <= 100; i++) {
                reads.add(read(run, i, null));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accessLog.waiting() == 100);
            overflow = as("analyst").with("X-Correlation-Id", run + "-overflow").get(STATS);
        }
        assertAccessLogUnavailable(overflow);
        for (Future<Api.Response> read : reads) {
            assertThat(read.get().status()).isEqualTo(200);
        }
        assertThat(entriesOf(run)).isEqualTo(101);
        assertChainWhole();
    }

    @Test
    void closing_the_appender_writes_the_entries_still_waiting_before_it_returns() throws Exception {
        String run = "gc-" + UUID.randomUUID();
        AccessLogAppender appender = new AccessLogAppender(new AccessLogWriter(jdbc), transactions, 100, Duration.ofSeconds(60));
        List<Future<?>> appends = new ArrayList<>();
        Future<?> closing;
        try (Connection lock = holdChainLock()) {
            appends.add(readers.submit(() -> appender.append(entry(run + "-0"))));
            awaitAppenderBlockedOnTheLock();
            for (int i = 1; i < 10; i++) {
                String id = run + "-" + i;
                appends.add(readers.submit(() -> appender.append(entry(id))));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> appender.waiting() == 9);
            closing = readers.submit(appender::close);
            Thread.sleep(500);
            assertThat(closing.isDone()).as("close waits for the entries still queued").isFalse();
        }
        closing.get();
        for (Future<?> append : appends) {
            append.get(); // each returned normally: committed
        }
        assertThat(entriesOf(run)).isEqualTo(10);
        assertThatThrownBy(() -> appender.append(entry(run + "-late"))).as("closed: no new entries are taken")
                .isInstanceOf(AccessLogAppender.NotAppended.class);
        assertChainWhole();
    }

    @Test
    void a_read_that_waits_too_long_is_refused_and_its_entry_is_left_out_unless_its_batch_had_begun() throws Exception {
        String run = "gc-" + UUID.randomUUID();
        AccessLogAppender appender = new AccessLogAppender(new AccessLogWriter(jdbc), transactions, 100, Duration.ofSeconds(2));
        try {
            Future<?> inRunningBatch;
            Future<?> queued;
            try (Connection lock = holdChainLock()) {
                inRunningBatch = readers.submit(() -> appender.append(entry(run + "-running")));
                awaitAppenderBlockedOnTheLock();
                queued = readers.submit(() -> appender.append(entry(run + "-queued")));
                for (Future<?> append : List.of(inRunningBatch, queued)) {
                    assertThatThrownBy(append::get).hasCauseInstanceOf(AccessLogAppender.NotAppended.class);
                }
            }
            appender.append(entry(run + "-next"));
            // Logged but not shown is the safe side; the queued entry's batch had not begun, so it is left out.
            assertThat(jdbc.queryForList("SELECT correlation_id FROM access_log WHERE correlation_id LIKE ? ORDER BY position",
                    String.class, run + "-%")).containsExactly(run + "-running", run + "-next");
        } finally {
            appender.close();
        }
        assertChainWhole();
    }

    private Future<Api.Response> read(String run, int i, String caseId) {
        return readAs(run + "-" + i, caseId);
    }

    /** Half the reads a statistics query (as the analyst), half a case read, when a case is given. */
    private Future<Api.Response> readAs(String correlationId, String caseId) {
        boolean caseRead = caseId != null && correlationId.hashCode() % 2 == 0;
        return readers.submit(() -> caseRead
                ? hv().with("X-Correlation-Id", correlationId).get("/api/v1/cases/" + caseId)
                : as("analyst").with("X-Correlation-Id", correlationId).get(STATS));
    }

    private static AccessLogWriter.Entry entry(String correlationId) {
        return new AccessLogWriter.Entry("test", "AUDITOR", null, "TEST", "/test", new Object[0], correlationId);
    }

    /** A session-level hold on the lock the chain trigger takes per transaction: appends wait until it closes. */
    private Connection holdChainLock() throws SQLException {
        Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, "");
        connection.createStatement().execute("SELECT pg_advisory_lock(hashtext('tidigt.access_log'))");
        return connection;
    }

    private void awaitAppenderBlockedOnTheLock() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event = 'advisory' AND query LIKE 'INSERT INTO access_log%'",
                Long.class) == 1);
    }

    private long entriesOf(String run) {
        return jdbc.queryForObject("SELECT count(*) FROM access_log WHERE correlation_id LIKE ?", Long.class, run + "-%");
    }

    private static void assertAccessLogUnavailable(Api.Response response) {
        assertThat(assertProblem(response, 503).get("type").asText()).endsWith("access-log-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    private void assertChainWhole() {
        JsonNode verified = as("auditor").get("/api/v1/audit/access-log/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(jdbc.queryForObject("SELECT max(position) = count(*) FROM access_log", Boolean.class))
                .as("positions are gap-free").isTrue();
    }
}
