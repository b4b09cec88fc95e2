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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Why the transaction timeouts matter (github.com/AxonFramework/AxonFramework/issues/4829), shown on Axon's JDBC event store
 * itself, on this project's event table: an event whose transaction is still open while a reader
 * reads a later event that looks older than the gap timeout is skipped by that reader for good once it
 * commits; a reader that saw the later event while it was young keeps the gap and gets it.
 * {@link GapTimeoutApiTest} shows the application's timeouts end such a transaction first.
 */
class GapTimeoutHazardTest {
    private static final String USER = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(1);

    private final String url = TestDatabase.freshDatabase();

    @Test
    void an_event_that_commits_after_a_later_event_looked_older_than_the_gap_timeout_is_skipped_for_good()
            throws SQLException {
        Flyway.configure().dataSource(url, USER, "").locations("classpath:db/migration/eventstore").load().migrate();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(url, USER, ""))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .gapTimeout(Math.toIntExact(GAP_TIMEOUT.toMillis()))
                .build();

        try (Connection slow = DriverManager.getConnection(url, USER, "");
             Connection quick = DriverManager.getConnection(url, USER, "")) {
            insert(quick, "earlier-writer");
            // A reader that has handled everything so far, as a streaming projection's stored token.
            TrackingToken handled = read(engine, null).get(0).trackingToken();
            slow.setAutoCommit(false);
            String late = insert(slow, "slow-writer");
            String committed = insert(quick, "quick-writer");
            Instant committedStored = Instant.now();

            TrackingToken youngReader = read(engine, handled).get(0).trackingToken();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Instant.now().isAfter(committedStored.plus(GAP_TIMEOUT).plusMillis(200)));
            List<? extends TrackedEventMessage<?>> lateReading = read(engine, handled);
            assertThat(lateReading).extracting(TrackedEventMessage::getIdentifier).containsExactly(committed);
            TrackingToken lateReader = lateReading.get(0).trackingToken();

            slow.commit();

            assertThat(read(engine, youngReader)).extracting(TrackedEventMessage::getIdentifier)
                    .as("the gap recorded while the later event was young fills").containsExactly(late);
            assertThat(read(engine, lateReader)).as("no gap recorded below an event that looked old: skipped")
                    .isEmpty();
        }
    }

    private static List<? extends TrackedEventMessage<?>> read(JdbcEventStorageEngine engine, TrackingToken from) {
        return engine.readEvents(from, false).toList();
    }

    /** One event of a stream of its own, with the recording time Axon would give it now. */
    private static String insert(Connection connection, String stream) throws SQLException {
        String identifier = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier,"
                + " sequencenumber, type, eventidentifier, payload, payloadtype, metadata, timestamp) VALUES (?, 0, 'Test', ?, ?,"
                + " 'java.lang.String', '{}'::bytea, ?)")) {
            insert.setString(1, stream);
            insert.setString(2, identifier);
            insert.setBytes(3, "\"an event\"".getBytes(StandardCharsets.UTF_8));
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
        }
        return identifier;
    }
}
