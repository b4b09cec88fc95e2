package se.tidigt.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.security.DemoUsers;
import se.tidigt.gateway.support.ApiTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fixture event store: every row of {@code domainevententry} that the release of 2026-12-07 wrote for a
 * small demo city ({@code TIDIGT_DEMO_DATA_CASES_PER_YEAR=12}), as stored (one JSON object a row, the bytes as UTF-8 text,
 * the chain hash in hex), with the statistics that release
 * answered over it ({@code /fixture-event-store/}). Every later build must read these events through Axon's
 * own serializer and upcasters, replay them to the same statistics and find their chain intact: events once
 * stored are never rewritten, so a change to an event class that the stored events no longer fit fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// A property of its own gives this class an application context, and so a database, of its own.
// No signed checkpoints here: the store below is brought to the state an upgraded one would be in (see the
// seal start), which a checkpoint taken before that would rightly call a moved seal start.
@TestPropertySource(properties = {"spring.application.name=tidigt-fixture-event-store", "tidigt.audit.checkpoint-interval=PT0S"})
class FixtureEventStoreTest extends ApiTest {
    private static final String FIXTURE = "/fixture-event-store/";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    org.axonframework.config.Configuration axon;

    /** The fixture's rows stored here: all but the built-in work models', which this application defined on its start. */
    private List<JsonNode> rows;

    @BeforeAll
    void storeTheFixtureAndRebuildEveryProjection() throws IOException {
        List<String> definedOnStart = jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry", String.class);
        assertThat(definedOnStart).containsExactlyInAnyOrder("ORDINARY", "VALLINGBY_TEAM");
        rows = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(FIXTURE + "domainevententry.jsonl.gz"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = json.readTree(line);
                if (!definedOnStart.contains(row.get("aggregateIdentifier").asText())) {
                    rows.add(row);
                }
            }
        }
        assertThat(rows).hasSizeGreaterThan(1000);
        // As stored, in the order stored; the chain hash is left to the database's trigger, as on any append.
        jdbc.batchUpdate("INSERT INTO domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, "
                        + "type, timestamp, payloadtype, payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, 500, (statement, row) -> {
                    statement.setLong(1, row.get("globalIndex").asLong());
                    statement.setString(2, row.get("eventIdentifier").asText());
                    statement.setString(3, row.get("aggregateIdentifier").asText());
                    statement.setLong(4, row.get("sequenceNumber").asLong());
                    statement.setString(5, text(row, "type"));
                    statement.setString(6, row.get("timestamp").asText());
                    statement.setString(7, row.get("payloadType").asText());
                    statement.setString(8, text(row, "payloadRevision"));
                    statement.setBytes(9, row.get("payload").asText().getBytes(StandardCharsets.UTF_8));
                    statement.setBytes(10, row.get("metadata").asText().getBytes(StandardCharsets.UTF_8));
                });
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), "
                + "(SELECT max(globalindex) FROM domainevententry))", Long.class);
        // These rows were written before events were sealed: on an upgraded store the migration that began
        // sealing (V341) records the last of them, and verify accepts no seal only up to there. Recorded here
        // as that migration would have, with the table's append-only trigger set aside as the migration needs none.
        jdbc.execute("ALTER TABLE event_seal_start DISABLE TRIGGER event_seal_start_append_only");
        jdbc.update("UPDATE event_seal_start SET last_global_index = (SELECT max(globalindex) FROM domainevententry)");
        jdbc.execute("ALTER TABLE event_seal_start ENABLE TRIGGER event_seal_start_append_only");
        for (String projection : List.of("case-view", "rollout", "case-statistics")) {
            assertThat(as("admin").post("/api/v1/admin/projections/" + projection + "/replay", "").status())
                    .as(projection).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> replayDone(projection));
        }
        awaitStatisticsCaughtUp();
    }

    @Test
    void every_stored_event_reads_through_axons_serializer_and_upcasters_as_a_named_domain_event() {
        List<DomainEventData<byte[]>> stored = jdbc.query("SELECT type, aggregateidentifier, sequencenumber, eventidentifier, "
                        + "timestamp, payloadtype, payloadrevision, payload, metadata FROM domainevententry ORDER BY globalindex",
                (rs, n) -> new GenericDomainEventEntry<>(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)));
        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(stored.stream(), events,
                axon.upcasterChain()).asStream().toList();

        assertThat(read).hasSize(stored.size());
        for (DomainEventMessage<?> event : read) {
            assertThat(StoredEventTypes.NAMES.values()).as(event.getIdentifier()).contains(event.getPayloadType());
            if (event.getType().equals("Case")) {
                assertThat(event.getMetaData()).as(event.getIdentifier()).containsEntry(EventMetadata.ACTOR_USER, "demo-data");
            }
        }
        assertThat(read.stream().map(DomainEventMessage::getPayloadType).distinct().count())
                .as("kinds of event in the fixture").isGreaterThanOrEqualTo(15);
    }

    @Test
    void the_events_replay_to_the_statistics_the_release_that_wrote_them_answered() throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + "statistics.json")) {
            expected = json.readTree(in);
        }
        String period = "?from=" + expected.get("from").asText() + "&to=" + expected.get("to").asText();
        assertThat(expected.get("districts").size()).isEqualTo(11);
        expected.get("districts").fields().forEachRemaining(district -> {
            JsonNode now = as(DemoUsers.userIdFor(district.getKey()))
                    .get("/api/v1/stats/districts/" + district.getKey() + period).json();
            for (String figure : List.of("funnel", "acceptanceRate")) {
                assertThat(now.get(figure)).as(district.getKey() + " " + figure).isEqualTo(district.getValue().get(figure));
            }
        });
    }

    @Test
    void the_chain_recomputed_on_storing_them_again_is_the_one_they_were_stored_with_and_every_case_verifies_intact() {
        Map<Long, String> recomputed = new LinkedHashMap<>();
        jdbc.query("SELECT globalindex, chain_hash FROM domainevententry", rs -> {
            recomputed.put(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)));
        });
        for (JsonNode row : rows) {
            assertThat(recomputed.get(row.get("globalIndex").asLong())).as(row.get("eventIdentifier").asText())
                    .isEqualTo(row.get("chainHash").asText());
        }
        List<String> cases = jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE type = 'Case'",
                String.class);
        assertThat(cases).hasSizeGreaterThan(50);
        for (String caseId : cases) {
            JsonNode verdict = as("auditor").get("/api/v1/audit/cases/" + caseId + "/verify").json();
            assertThat(verdict.get("intact").asBoolean()).as(caseId + ": " + verdict).isTrue();
        }
    }

    private boolean replayDone(String projection) {
        for (JsonNode status : as("admin").get("/api/v1/admin/projections").json()) {
            if (status.get("name").asText().equals(projection)) {
                return !status.path("replaying").asBoolean(false)
                        && "DONE".equals(status.at("/replay/state").asText());
            }
        }
        throw new AssertionError("no projection " + projection);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
