package se.tidigt.platform.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's engine reads the recording time of each event its own way; the events, their times and the
 * gap-aware tokens it gives are Axon's own engine's, on the same rows: gaps in the global index below young and
 * old events, times written as Axon writes them, with more digits, and with an offset.
 */
class LeanEventReadingTest {
    private static final String USER = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);

    private final String url = TestDatabase.freshDatabase();

    @Test
    void events_times_and_tokens_are_those_of_axons_own_engine() throws SQLException {
        Flyway.configure().dataSource(url, USER, "").locations("classpath:db/migration/eventstore").load().migrate();
        Instant now = Instant.now();
        Instant old = Instant.parse("2019-03-01T08:30:00.250Z");
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            insert(connection, 3, now.toString());                                     // young, above the store's start
            insert(connection, 4, old.toString());
            insert(connection, 7, now.truncatedTo(ChronoUnit.MILLIS).toString());      // young, after a gap
            insert(connection, 8, now.atOffset(ZoneOffset.ofHours(1)).toString());     // with an offset: read Axon's way
            insert(connection, 11, old.plusSeconds(1).toString());                     // old, after a gap
            insert(connection, 12, "2019-03-01T08:30:02Z");
            insert(connection, 20, now.plusMillis(1).toString());                      // young, after a long gap
        }
        JdbcEventStorageEngine axons = builder().build();
        LeanJdbcEventStorageEngine lean = new LeanJdbcEventStorageEngine(builder(), false, null, GAP_TIMEOUT);

        List<? extends TrackedEventMessage<?>> expected = read(axons, null);
        assertThat(expected).hasSize(7);
        assertThat(seen(read(lean, null))).isEqualTo(seen(expected));
        for (TrackedEventMessage<?> from : expected) {
            assertThat(seen(read(lean, from.trackingToken()))).as("after %s", from.trackingToken())
                    .isEqualTo(seen(read(axons, from.trackingToken())));
        }
    }

    private JdbcEventStorageEngine.Builder builder() {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(url, USER, ""))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .gapTimeout(Math.toIntExact(GAP_TIMEOUT.toMillis()))
                .maxGapOffset(LeanJdbcEventStorageEngine.MAX_GAP_OFFSET)
                .lowestGlobalSequence(LeanJdbcEventStorageEngine.LOWEST_GLOBAL_SEQUENCE);
    }

    private static List<? extends TrackedEventMessage<?>> read(JdbcEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).toList();
    }

    /** What a reader gets of each event: its id, its time, its token (the gaps it remembers included). */
    private static List<List<Object>> seen(List<? extends TrackedEventMessage<?>> events) {
        List<List<Object>> seen = new ArrayList<>();
        events.forEach(e -> seen.add(List.of(e.getIdentifier(), e.getTimestamp(), e.trackingToken(), e.getPayload())));
        return seen;
    }

    private static void insert(Connection connection, long globalIndex, String recorded) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (globalindex,"
                + " aggregateidentifier, sequencenumber, type, eventidentifier, payload, payloadtype, metadata, timestamp)"
                + " VALUES (?, ?, 0, 'Test', ?, ?, 'java.lang.String', '{}'::bytea, ?)")) {
            insert.setLong(1, globalIndex);
            insert.setString(2, "stream-" + globalIndex);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, ("\"event " + globalIndex + "\"").getBytes(StandardCharsets.UTF_8));
            insert.setString(5, recorded);
            insert.executeUpdate();
        }
    }
}
