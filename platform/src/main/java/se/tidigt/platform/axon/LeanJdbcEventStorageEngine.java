package se.tidigt.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import se.tidigt.platform.axon.EventSeals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store without the snapshot query on every aggregate load. Tidigt configures no
 * snapshotter, so the snapshot table stays empty and that query (one round trip per command whose
 * aggregate is not cached) can never find anything. Turning snapshots on means turning
 * this off ({@code tidigt.event-store.snapshots}): then snapshots are read as Axon reads them.
 *
 * <p>It appends each event with its seal ({@link EventSeals}): a MAC under a key the database never holds.
 *
 * <p>It also reads the store in pages for a bulk rebuild ({@link EventPages}) with Axon's own tracked-event
 * query, gap handling and deserialisation.
 */
final class LeanJdbcEventStorageEngine extends JdbcEventStorageEngine implements EventPages {
    private final boolean snapshots;
    private final EventSeals seals;

    LeanJdbcEventStorageEngine(Builder builder, boolean snapshots, EventSeals seals) {
        super(builder);
        this.snapshots = snapshots;
        this.seals = seals;
    }

    /** Each event is inserted with its global index and its seal (the audit trail's MAC), in one batch as before. */
    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        return seals.append(connection, schema(), events, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots ? super.readSnapshotData(aggregateIdentifier) : Stream.empty();
    }

    @Override
    public List<TrackedEventMessage<?>> after(TrackingToken token, int max) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, max).stream(), getEventSerializer(),
                upcasterChain).toList();
    }
}
