package se.tidigt.platform.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * query and deserialisation. Every tracked read (the processors' too) takes each event's token as Axon's gap
 * handling gives it, with the recording time read once ({@link #getTrackedEventData}).
 */
final class LeanJdbcEventStorageEngine extends JdbcEventStorageEngine implements EventPages {
    /** Axon's defaults, given to the builder by {@link EventStoreConfiguration} (the engine does not give them back). */
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final boolean snapshots;
    private final EventSeals seals;
    private final Duration gapTimeout;

    LeanJdbcEventStorageEngine(Builder builder, boolean snapshots, EventSeals seals, Duration gapTimeout) {
        super(builder);
        this.snapshots = snapshots;
        this.seals = seals;
        this.gapTimeout = gapTimeout;
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

    /**
     * A tracked event as Axon reads it (the same columns, the same gap-aware token: gaps below an event younger
     * than the gap timeout are kept, up to {@link #MAX_GAP_OFFSET} behind), with its recording time read once by
     * {@link IsoInstants} instead of Axon's general formatter on every call: Axon reads it for each event to decide
     * about gaps, and that parse alone was a sixth of the bulk reader's time. {@code LeanEventReadingTest} pins
     * the events and tokens against Axon's own engine.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous) throws SQLException {
        EventSchema schema = schema();
        long index = row.getLong(schema.globalIndexColumn());
        Object recorded = readTimeStamp(row, schema.timestampColumn());
        Instant at = IsoInstants.parse(recorded.toString());
        RecordedEvent<?> event = new RecordedEvent<>(row.getString(schema.typeColumn()),
                row.getString(schema.aggregateIdentifierColumn()), row.getLong(schema.sequenceNumberColumn()),
                row.getString(schema.eventIdentifierColumn()), recorded, row.getString(schema.payloadTypeColumn()),
                row.getString(schema.payloadRevisionColumn()), readPayload(row, schema.payloadColumn()),
                readPayload(row, schema.metaDataColumn()), at);
        boolean gapsKept = event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minus(gapTimeout));
        GapAwareTrackingToken token;
        if (previous == null) {
            SortedSet<Long> gaps = new TreeSet<>();
            if (gapsKept) {
                for (long gap = Math.min(LOWEST_GLOBAL_SEQUENCE, index); gap < index; gap++) {
                    gaps.add(gap);
                }
            }
            token = GapAwareTrackingToken.newInstance(index, gaps);
        } else {
            token = previous.advanceTo(index, gapsKept ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** A stored event whose recording time is read once, when it is in the store's form (else Axon's way, per call). */
    private static final class RecordedEvent<T> extends GenericDomainEventEntry<T> {
        private final Instant at;

        RecordedEvent(String type, String aggregate, long sequence, String eventId, Object recorded, String payloadType,
                      String payloadRevision, T payload, T metaData, Instant at) {
            super(type, aggregate, sequence, eventId, recorded, payloadType, payloadRevision, payload, metaData);
            this.at = at;
        }

        @Override
        public Instant getTimestamp() {
            return at != null ? at : super.getTimestamp();
        }
    }

    @Override
    public List<TrackedEventMessage<?>> after(TrackingToken token, int max) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, max).stream(), getEventSerializer(),
                upcasterChain).toList();
    }
}
