package se.tidigt.platform.replays;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.cases.api.CollaborationKind;
import se.tidigt.cases.api.CollaborationPartner;
import se.tidigt.cases.api.CollaborationRecorded;
import se.tidigt.gateway.support.SyntheticEvents;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The statistics' bulk rebuild ({@link BulkRebuild}) gives exactly the fact tables the live projection
 * keeps, shows its progress in the admin API while it runs, and hands over to the processor without
 * missing or repeating an event: not those written during the rebuild, and not one whose transaction
 * had taken its place in the global index before the rebuild read past it but committed after.
 */
@TestPropertySource(properties = "tidigt.replay.bulk.page-size=100")
@DirtiesContext
class BulkRebuildApiTest extends ApiTest {
    private static final String PROJECTIONS = "/api/v1/admin/projections";
    static final List<String> FACTS = List.of(
            "SELECT " + BulkRebuildApiTest.CASE_COLUMNS + " FROM case_fact ORDER BY case_id",
            "SELECT case_id, worker_id FROM case_worker_fact ORDER BY 1, 2",
            "SELECT case_id, offer_id, offered_at, answer, answered_at, started_at, ended_at FROM offer_fact ORDER BY 1, 2",
            "SELECT case_id, partner, count FROM collaboration_fact ORDER BY 1, 2",
            "SELECT tally_id, sequence, district, month, kind, count FROM open_access_fact ORDER BY 1, 2",
            "SELECT case_id, placement_id, kind, compulsory, started_at, ended_at FROM placement_fact ORDER BY 1, 2");
    static final String CASE_COLUMNS = "case_id, last_sequence, district, current_district, work_model, concerns, "
            + "child_pseudonym, birth_month, received_at, protection_assessed_at, initial_assessed_at, initial_decision, "
            + "investigation_opened_at, investigation_due, investigation_concluded_at, investigation_outcome, closed_at, workers";
    /** Every case in the store whose fact row does not stand at its last event. */
    private static final String CASES_NOT_AT_THEIR_LAST_EVENT = "SELECT count(*) FROM (SELECT aggregateidentifier AS case_id, "
            + "max(sequencenumber) AS last FROM domainevententry WHERE type = 'Case' GROUP BY 1) e "
            + "LEFT JOIN case_fact f USING (case_id) WHERE f.last_sequence IS DISTINCT FROM e.last";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    BulkRebuild bulk;

    @Test
    void a_bulk_rebuild_gives_the_live_projections_fact_tables_and_shows_its_progress_on_the_way() {
        city("bulk-quiet", 300);
        awaitCaughtUp();
        List<List<Map<String, Object>>> live = facts();
        assertThat(live.get(FACTS.size() - 1)).as("placements in the city, rebuilt like every fact").isNotEmpty();
        long events = count("SELECT count(*) FROM domainevententry");

        assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> {
            JsonNode status = statisticsProjection();
            seen.add(status);
            return "DONE".equals(status.at("/replay/state").asText()) && !status.get("replaying").asBoolean()
                    && status.get("lag").asLong() == 0;
        });

        assertThat(seen).as("the rebuild shows itself as a replay in bulk while it runs")
                .anySatisfy(s -> {
                    assertThat(s.get("replaying").asBoolean()).isTrue();
                    assertThat(s.at("/replay/state").asText()).isEqualTo("RUNNING");
                    assertThat(s.at("/replay/mode").asText()).isEqualTo("bulk");
                    assertThat(s.at("/replay/events").asLong()).isLessThan(events);
                });
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.at("/replay/events").asLong()).as("every stored event, once").isEqualTo(events);
        assertThat(done.at("/replay/position").asLong()).isEqualTo(done.get("head").asLong());
        assertThat(done.at("/replay/eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("running").asBoolean()).as("handed over to the processor").isTrue();
        assertThat(facts()).isEqualTo(live);
    }

    @Test
    void writes_during_a_bulk_rebuild_and_an_event_committed_after_the_rebuild_read_past_it_are_applied_once()
            throws Exception {
        city("bulk-busy", 300);
        awaitCaughtUp();
        String lateCase = jdbc.queryForObject("SELECT case_id FROM case_fact WHERE case_id LIKE 'bulk-busy%' "
                + "ORDER BY case_id LIMIT 1", String.class);
        long lateCollaborations = count("SELECT coalesce(sum(count), 0) FROM collaboration_fact WHERE case_id = ?", lateCase);

        // A transaction takes the next place in the global index and holds it; one after it commits.
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> late = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            long sequence = append(lateCase);
            taken.countDown();
            try {
                assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return sequence;
        }));
        assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
        String otherCase = jdbc.queryForObject("SELECT case_id FROM case_fact WHERE case_id LIKE 'bulk-busy%' "
                + "ORDER BY case_id DESC LIMIT 1", String.class);
        transactions.executeWithoutResult(status -> append(otherCase));
        long committedHead = count("SELECT max(globalindex) FROM domainevententry");

        // Cases raised through the API all through the rebuild.
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Integer> writes = CompletableFuture.supplyAsync(() -> {
            int raised = 0;
            while (writing.get() || raised < 5) {
                assertThat(hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(3))).status())
                        .isEqualTo(201);
                raised++;
            }
            return raised;
        });
        String before = statisticsProjection().at("/replay/requestedAt").asText("");
        assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> {
            JsonNode replay = statisticsProjection().get("replay");
            return !replay.path("requestedAt").asText("").equals(before) && (replay.path("position").asLong(-1) >= committedHead
                    || "DONE".equals(replay.path("state").asText()));
        });
        release.countDown();
        long lateSequence = late.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(statisticsProjection().at("/replay/state").asText()));
        writing.set(false);
        assertThat(writes.get(60, TimeUnit.SECONDS)).isPositive();
        awaitCaughtUp();

        assertThat(count("SELECT last_sequence FROM case_fact WHERE case_id = ?", lateCase))
                .as("the event committed after the rebuild read past its place").isEqualTo(lateSequence);
        assertThat(count("SELECT coalesce(sum(count), 0) FROM collaboration_fact WHERE case_id = ?", lateCase))
                .as("applied once").isEqualTo(lateCollaborations + 1);
        assertThat(count(CASES_NOT_AT_THEIR_LAST_EVENT)).as("every case at its last event").isZero();

        // The same events replayed the processor's own way (Axon's reset, event by event) give the same tables.
        List<List<Map<String, Object>>> rebuilt = facts();
        bulk.enabled(false);
        try {
            assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
            // Reset done (STARTED) and every segment at the head again: every event handled. (A segment's token
            // stays a replay token at the head until an event past its reset point arrives: Axon's way.)
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                JsonNode status = statisticsProjection();
                return "STARTED".equals(status.at("/replay/state").asText()) && status.get("lag").asLong() == 0;
            });
        } finally {
            bulk.enabled(true);
        }
        assertThat(facts()).isEqualTo(rebuilt);
    }

    @Test
    void a_bulk_rebuild_whose_writes_fail_says_so_and_the_processor_finishes_it_from_the_last_page_that_committed() {
        city("bulk-fail", 300);
        awaitCaughtUp();
        List<List<Map<String, Object>>> live = facts();
        String poisoned = jdbc.queryForObject("SELECT aggregateidentifier FROM domainevententry WHERE aggregateidentifier "
                + "LIKE 'bulk-fail%' AND sequencenumber = 0 ORDER BY globalindex OFFSET 200 LIMIT 1", String.class);
        long poisonedAt = count("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                poisoned);
        // PostgreSQL refuses that case's fact row: the page holding its first event cannot commit.
        jdbc.execute("CREATE FUNCTION bulk_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.case_id = '" + poisoned + "' THEN RAISE EXCEPTION 'case row made to fail'; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER bulk_test_refuse BEFORE INSERT OR UPDATE ON case_fact FOR EACH ROW "
                + "EXECUTE FUNCTION bulk_test_refuse()");
        try {
            String before = statisticsProjection().at("/replay/requestedAt").asText("");
            assertThat(admin().post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                JsonNode replay = statisticsProjection().get("replay");
                return !replay.path("requestedAt").asText("").equals(before) && "FAILED".equals(replay.path("state").asText());
            });
            JsonNode failed = statisticsProjection();
            assertThat(failed.at("/replay/error").asText()).contains("case row made to fail");
            assertThat(failed.at("/replay/position").asLong()).as("the pages before it committed")
                    .isPositive().isLessThan(poisonedAt);
            assertThat(failed.get("running").asBoolean()).as("the processor started again").isTrue();
            assertThat(failed.get("lag").asLong()).as("never shown as done").isPositive();
        } finally {
            jdbc.execute("DROP TRIGGER bulk_test_refuse ON case_fact");
            jdbc.execute("DROP FUNCTION bulk_test_refuse()");
        }

        // The processor retries from the last committed page and finishes the replay its own way: the failed page
        // event by event, so the refused case is parked while the fault lasts and healed by the parked retry after.
        await().atMost(Duration.ofSeconds(240)).until(() -> {
            JsonNode status = statisticsProjection();
            return status.get("lag").asLong() == 0 && !status.get("error").asBoolean()
                    && status.at("/parked/cases").asLong() == 0;
        });
        assertThat(facts()).isEqualTo(live);
    }

    private long append(String caseId) {
        long sequence = count("SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?", caseId);
        String district = jdbc.queryForObject("SELECT current_district FROM case_fact WHERE case_id = ?", String.class, caseId);
        storage.appendEvents(new GenericDomainEventMessage<>("Case", caseId, sequence, new CollaborationRecorded(caseId,
                district, Instant.now(), CollaborationPartner.SCHOOL, CollaborationKind.MEETING)));
        return sequence;
    }

    private void city(String prefix, int cases) {
        new SyntheticEvents(eventSerializer, transactions, jdbc, prefix.hashCode()).named(prefix).write(cases);
    }

    private List<List<Map<String, Object>>> facts() {
        return FACTS.stream().map(jdbc::queryForList).toList();
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode status = statisticsProjection();
            return status.get("lag").asLong() == 0 && !status.get("replaying").asBoolean();
        });
    }

    private Api admin() {
        return as("admin");
    }
}
