package se.tidigt.platform.replays;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.gateway.support.SyntheticEvents;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * A streaming projection far behind catches up through the bulk path ({@link BulkCatchUp}, {@link BulkRebuild#catchUp})
 * and hands back to its processor: the facts a rebuild gives, each event handled once even with its segments at
 * different tokens, a failing case parked while the others go on, and the catch-up shown in the admin API while it runs.
 */
@DirtiesContext
@Import(CountingHandler.class)
@TestPropertySource(properties = {"tidigt.replay.bulk.page-size=100", "tidigt.catch-up.bulk-threshold=1000",
        // Checked by the tests themselves (start-up's check finds an empty store).
        "tidigt.catch-up.check-interval=PT1H"})
class BulkCatchUpApiTest extends ApiTest {
    private static final String PROJECTIONS = "/api/v1/admin/projections";
    private static final String NAME = "case-statistics";
    private static final String CATCH_UP_THREAD = "catch-up-under-test";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    BulkCatchUp catchUp;
    @Autowired
    Replays replays;
    @Autowired
    ProjectionAdmin projections;

    /** A stored token's global index (a replay token's current one). */
    private static final String STORED_POSITION = "coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint,"
            + " (convert_from(token, 'UTF8')::jsonb -> 'currentToken' ->> 'index')::bigint)";

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, CATCH_UP_THREAD));

    @BeforeEach
    void caughtUp() {
        CountingHandler.reset();
        awaitStatisticsCaughtUp();
    }

    @AfterEach
    void stopThread() throws InterruptedException {
        CountingHandler.release();
        CountingHandler.reset();
        thread.shutdownNow();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void a_backlog_over_the_threshold_is_caught_up_in_bulk_shown_while_it_runs_and_gives_the_facts_of_a_rebuild()
            throws Exception {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        Long lowestToken = jdbc.queryForObject("SELECT min(" + STORED_POSITION + ") FROM tokenentry WHERE processorname = ?",
                Long.class, NAME);
        city("catch-up-a", 1500);
        processor.start();
        assertThat(catchUp.backlog(NAME)).as("the events written while the processor was down").isGreaterThanOrEqualTo(1000);
        assertThat(projections.catchingUpInBulk()).as("what the start's dashboard warm-up asks before it reads").isTrue();

        CountingHandler.holdOn(CATCH_UP_THREAD);
        CompletableFuture<Void> checked = CompletableFuture.runAsync(catchUp::check, thread);
        assertThat(CountingHandler.reached.await(60, TimeUnit.SECONDS)).as("the catch-up handles events").isTrue();
        JsonNode during = statisticsProjection();
        assertThat(during.at("/catchUp/state").asText()).isEqualTo("RUNNING");
        assertThat(during.at("/catchUp/mode").asText()).isEqualTo("catch-up");
        assertThat(during.get("running").asBoolean()).as("the catch-up is the projection's processing").isTrue();
        assertThat(during.get("replaying").asBoolean()).as("not a rebuild: the facts so far stand").isFalse();
        assertThat(during.get("lag").asLong()).as("the tokens not yet at the head").isPositive();
        assertProblem(admin().post(PROJECTIONS + "/" + NAME + "/replay", ""), 409);
        CountingHandler.release();
        checked.get(120, TimeUnit.SECONDS);

        JsonNode done = statisticsProjection();
        assertThat(done.at("/catchUp/state").asText()).isEqualTo("DONE");
        // The backlog, not the store from its start: what lies past the lowest segment's token when the processor
        // stopped (a segment whose last batch held none of its own events stores an earlier token than the others).
        assertThat(done.at("/catchUp/events").asLong()).isPositive().isLessThanOrEqualTo(head() - lowestToken);
        assertThat(done.at("/catchUp/eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("running").asBoolean()).as("handed back to the processor").isTrue();
        awaitStatisticsCaughtUp();
        assertThat(projections.catchingUpInBulk()).as("caught up: the dashboard is warmed again at a start").isFalse();
        assertThat(handledOtherThanOnce("catch-up-a")).as("every event of the backlog handled exactly once").isEmpty();
        assertThat(casesNotAtTheirLastEvent("catch-up-a")).isZero();

        List<List<Map<String, Object>>> caughtUp = facts("catch-up-a");
        String before = statisticsProjection().at("/replay/requestedAt").asText("");
        assertThat(admin().post(PROJECTIONS + "/" + NAME + "/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode status = statisticsProjection();
            return !status.at("/replay/requestedAt").asText("").equals(before) && "DONE".equals(status.at("/replay/state").asText())
                    && !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
        });
        assertThat(facts("catch-up-a")).as("the facts a rebuild gives").isEqualTo(caughtUp);
    }

    @Test
    void segments_standing_at_different_tokens_each_handle_only_the_events_their_token_does_not_cover() throws Exception {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        city("catch-up-b", 200);
        long first = count("SELECT min(globalindex) FROM domainevententry WHERE aggregateidentifier LIKE 'catch-up-b%'");
        long last = count("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier LIKE 'catch-up-b%'");
        int[] segmentIds = jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                Integer.class, NAME).stream().mapToInt(Integer::intValue).toArray();
        assertThat(segmentIds).hasSizeGreaterThan(1);
        // Segment i has handled the city up to its own point, each further on than the one before.
        Map<Integer, Long> standsAt = new HashMap<>();
        for (int i = 0; i < segmentIds.length; i++) {
            long at = first + (last - first) * (i + 1) / (segmentIds.length + 1);
            standsAt.put(segmentIds[i], at);
            jdbc.update("UPDATE tokenentry SET token = convert_to(?, 'UTF8'), owner = NULL WHERE processorname = ? AND segment = ?",
                    "{\"index\":" + at + ",\"gaps\":[]}", NAME, segmentIds[i]);
        }

        long read = CompletableFuture.supplyAsync(() -> replays.catchUpInBulk(NAME, processor, () -> true), thread)
                .get(120, TimeUnit.SECONDS);

        assertThat(read).as("read from the lowest segment's token").isEqualTo(count(
                "SELECT count(*) FROM domainevententry WHERE globalindex > ?", standsAt.get(segmentIds[0])));
        Map<String, Integer> expected = new HashMap<>();
        jdbc.query("SELECT aggregateidentifier, sequencenumber, globalindex FROM domainevententry "
                + "WHERE aggregateidentifier LIKE 'catch-up-b%'", rs -> {
            String caseId = rs.getString(1);
            int segment = segmentIds[0];
            for (int id : segmentIds) {
                if (Segment.computeSegment(id, segmentIds).matches(caseId)) {
                    segment = id;
                }
            }
            if (rs.getLong(3) > standsAt.get(segment)) {
                expected.put(caseId + "/" + rs.getLong(2), 1);
            }
        });
        assertThat(expected).as("every segment has events left to handle").hasSizeGreaterThan(segmentIds.length);
        Map<String, Integer> handled = new HashMap<>(CountingHandler.HANDLED);
        handled.keySet().removeIf(key -> !key.startsWith("catch-up-b"));
        assertThat(handled).as("each event its segment had not handled, once; none it had").isEqualTo(expected);
        awaitStatisticsCaughtUp();
    }

    @Test
    void a_case_whose_handler_fails_during_a_bulk_catch_up_is_parked_and_every_other_case_goes_on() throws Exception {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        city("catch-up-c", 200);
        String poisoned = jdbc.queryForObject("SELECT aggregateidentifier FROM domainevententry WHERE aggregateidentifier "
                + "LIKE 'catch-up-c%' GROUP BY 1 HAVING count(*) > 3 ORDER BY min(globalindex) OFFSET 100 LIMIT 1", String.class);
        long poisonedEvents = count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", poisoned);
        CountingHandler.THROW_FOR.add(poisoned);

        CompletableFuture.supplyAsync(() -> replays.catchUpInBulk(NAME, processor, () -> true), thread)
                .get(120, TimeUnit.SECONDS);

        JsonNode status = statisticsProjection();
        assertThat(status.at("/catchUp/state").asText()).as("a parked case is no failure of the catch-up").isEqualTo("DONE");
        assertThat(status.get("lag").asLong()).isZero();
        JsonNode parked = parkedCase(status, poisoned);
        assertThat(parked).as("parked, visible to operators").isNotNull();
        assertThat(parked.get("events").asLong()).as("its first event and every later one queued behind it")
                .isEqualTo(poisonedEvents);
        assertThat(parked.get("causeMessage").asText()).contains("made to fail");
        assertThat(casesNotAtTheirLastEvent("catch-up-c")).as("every other case at its last event").isEqualTo(1);

        CountingHandler.THROW_FOR.clear();
        assertThat(admin().post(PROJECTIONS + "/" + NAME + "/parked/" + poisoned + "/retry", "").json()
                .get("handled").asBoolean()).isTrue();
        assertThat(count("SELECT last_sequence FROM case_fact WHERE case_id = ?", poisoned)).isEqualTo(poisonedEvents - 1);
    }

    @Test
    void the_backlog_is_that_of_the_segments_this_instance_holds_or_could_claim_not_those_of_another_live_instance() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        city("catch-up-d", 300);
        long head = count("SELECT max(globalindex) FROM domainevententry");
        int behindMost = jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                Integer.class, NAME).get(0);
        long low = count("SELECT min(" + STORED_POSITION + ") FROM tokenentry WHERE processorname = ?", NAME) - 50;
        long others = count("SELECT min(" + STORED_POSITION + ") FROM tokenentry WHERE processorname = ? AND segment <> ?",
                NAME, behindMost);
        String other = "other-instance@bulk-catch-up-test";
        try {
            jdbc.update("INSERT INTO cluster_member (node_id, started_at, heartbeat_at) VALUES (?, now(), now())", other);
            jdbc.update("UPDATE tokenentry SET token = convert_to(?, 'UTF8'), owner = ? WHERE processorname = ? AND segment = ?",
                    "{\"index\":" + low + ",\"gaps\":[]}", other, NAME, behindMost);

            assertThat(catchUp.backlog(NAME)).as("the segment another live instance holds is its own to catch up")
                    .isEqualTo(head - others);

            jdbc.update("UPDATE cluster_member SET heartbeat_at = now() - interval '1 hour' WHERE node_id = ?", other);
            assertThat(catchUp.backlog(NAME)).as("the segment of an instance gone counts: this one could claim it")
                    .isEqualTo(head - low);

            jdbc.update("UPDATE tokenentry SET owner = NULL WHERE processorname = ? AND segment = ?", NAME, behindMost);
            assertThat(catchUp.backlog(NAME)).as("a free segment counts").isEqualTo(head - low)
                    .isEqualTo(statisticsProjection().get("lag").asLong());
        } finally {
            jdbc.update("UPDATE tokenentry SET owner = NULL WHERE processorname = ? AND segment = ?", NAME, behindMost);
            jdbc.update("DELETE FROM cluster_member WHERE node_id = ?", other);
            processor.start();
        }
        awaitStatisticsCaughtUp();
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(NAME, StreamingEventProcessor.class).orElseThrow();
    }

    private long city(String prefix, int cases) {
        return new SyntheticEvents(eventSerializer, transactions, jdbc, prefix.hashCode()).named(prefix).write(cases);
    }

    /** The events of the cases with this prefix handed to the projection other than exactly once. */
    private Map<String, Integer> handledOtherThanOnce(String prefix) {
        Map<String, Integer> wrong = new HashMap<>();
        jdbc.query("SELECT aggregateidentifier, sequencenumber FROM domainevententry WHERE aggregateidentifier LIKE ?", rs -> {
            String key = rs.getString(1) + "/" + rs.getLong(2);
            int times = CountingHandler.HANDLED.getOrDefault(key, 0);
            if (times != 1) {
                wrong.put(key, times);
            }
        }, prefix + "%");
        return wrong;
    }

    private static JsonNode parkedCase(JsonNode status, String caseId) {
        for (JsonNode parked : status.at("/parked/parked")) {
            if (parked.get("caseId").asText().equals(caseId)) {
                return parked;
            }
        }
        return null;
    }

    /** The cases of this prefix whose fact row does not stand at their last event. */
    private long casesNotAtTheirLastEvent(String prefix) {
        return count("SELECT count(*) FROM (SELECT aggregateidentifier AS case_id, max(sequencenumber) AS last "
                + "FROM domainevententry WHERE aggregateidentifier LIKE ? GROUP BY 1) e "
                + "LEFT JOIN case_fact f USING (case_id) WHERE f.last_sequence IS DISTINCT FROM e.last", prefix + "%");
    }

    /** Every fact table's rows of the cases with this prefix (other tests of the class leave theirs as they test them). */
    private List<List<Map<String, Object>>> facts(String prefix) {
        return BulkRebuildApiTest.FACTS.stream().map(sql -> jdbc.queryForList(sql).stream()
                .filter(row -> row.get("case_id") instanceof String id && id.startsWith(prefix)).toList()).toList();
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private Api admin() {
        return as("admin");
    }
}
