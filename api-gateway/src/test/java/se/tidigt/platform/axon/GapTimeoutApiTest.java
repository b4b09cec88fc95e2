package se.tidigt.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Axon's gap-timeout hazard (github.com/AxonFramework/AxonFramework/issues/4829): a streaming projection that reads an event
 * looking older than the gap timeout records no gap below it, so an event still in an open transaction
 * below it is skipped for good once it commits. The test builds exactly that situation with a gap
 * timeout shortened to 6 s and PostgreSQL's timeouts to 2 s: a REST write that has taken its global
 * index is held open (its case-view update waits for a row lock the test holds) while a later write
 * commits, and the statistics read the later one only once it is past the gap timeout. PostgreSQL
 * must end the held write (so it is never acknowledged), and every committed event must reach the
 * statistics. Without the timeouts the held write would commit after the statistics had moved past its
 * index, and the last assertion would find its event missing from {@code case_fact}.
 */
// Its own context (shortened timeouts): closed after the class so its connections go back to the server.
@DirtiesContext
@TestPropertySource(properties = {"tidigt.event-store.gap-timeout=PT6S",
        "spring.datasource.hikari.connection-init-sql="
                + "SET statement_timeout = '2s'; SET idle_in_transaction_session_timeout = '2s'",
        "spring.datasource.hikari.maximum-pool-size=8"})
class GapTimeoutApiTest extends ApiTest {
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(6);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Test
    void the_timeouts_that_prevent_the_hazard_are_set_on_the_application_connections() {
        Map<String, Object> settings = jdbc.queryForMap("SELECT current_setting('statement_timeout') AS statement,"
                + " current_setting('idle_in_transaction_session_timeout') AS idle");
        assertThat(settings).containsEntry("statement", "2s").containsEntry("idle", "2s");
    }

    @Test
    void a_write_held_open_past_the_gap_timeout_is_ended_by_postgresql_and_no_committed_event_is_skipped()
            throws Exception {
        String held = raiseCase();
        String later = raiseCase();
        StreamingEventProcessor statistics = processing
                .eventProcessor("case-statistics", StreamingEventProcessor.class).orElseThrow();
        statistics.shutDown();
        CompletableFuture<Api.Response> heldWrite;
        long indexBefore;
        long indexTaken;
        try (Connection locker = DriverManager.getConnection(databaseUrl, databaseUser, "")) {
            // A connection of the test's own, without the timeouts: it only holds the case view's row.
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT 1 FROM case_view WHERE case_id = ? FOR UPDATE")) {
                lock.setString(1, held);
                lock.executeQuery().close();
            }
            indexBefore = lastGlobalIndexTaken();
            heldWrite = CompletableFuture.supplyAsync(() -> assess(held));
            // The held write has stored its event (taking a global index) and waits in its case-view update.
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'", Long.class) == 1);
            indexTaken = lastGlobalIndexTaken();
            assertThat(indexTaken).as("the held write took a global index").isGreaterThan(indexBefore);

            assertThat(assess(later).status()).isEqualTo(200);
            long laterIndex = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?",
                    Long.class, later);
            assertThat(laterIndex).as("a committed event above the held one").isGreaterThan(indexTaken);

            // The statistics read the later event only once it looks older than the gap timeout.
            Instant laterStored = Instant.parse(jdbc.queryForObject(
                    "SELECT timestamp FROM domainevententry WHERE globalindex = ?", String.class, laterIndex));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Instant.now().isAfter(laterStored.plus(GAP_TIMEOUT).plusSeconds(1)));
            statistics.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequenceCounted(later) == lastSequenceStored(later));
            locker.rollback();
        } finally {
            if (!statistics.isRunning()) {
                statistics.start();
            }
        }

        Api.Response answer = heldWrite.get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).as("PostgreSQL ended the held write: never acknowledged (%s)", answer.body())
                .isEqualTo(503);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex > ? AND globalindex <= ?",
                Long.class, indexBefore, indexTaken)).as("nothing of the held write was stored").isZero();

        // Every committed event reaches the statistics, the held case's included.
        assertThat(assess(held).status()).as("the held case takes the write again").isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequenceCounted(held) == lastSequenceStored(held));
        for (String caseId : new String[]{held, later}) {
            assertThat(lastSequenceCounted(caseId)).as("statistics of %s", caseId).isEqualTo(lastSequenceStored(caseId));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM case_fact WHERE case_id = ? AND protection_assessed_at IS NOT NULL",
                    Long.class, caseId)).isEqualTo(1);
        }
    }

    private long lastGlobalIndexTaken() {
        return jdbc.queryForObject("SELECT last_value FROM domainevententry_globalindex_seq", Long.class);
    }

    private String raiseCase() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).json()
                .get("caseId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> lastSequenceCounted(caseId) == 0);
        return caseId;
    }

    private Api.Response assess(String caseId) {
        return hv().post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false));
    }

    private long lastSequenceCounted(String caseId) {
        return jdbc.query("SELECT last_sequence FROM case_fact WHERE case_id = ?",
                (ResultSetExtractor<Long>) rows -> rows.next() ? rows.getLong(1) : -1L, caseId);
    }

    private long lastSequenceStored(String caseId) {
        return jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, caseId);
    }
}
