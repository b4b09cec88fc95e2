package se.tidigt.platform.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.cases.api.identity.KeyedHmac;
import se.tidigt.platform.secrets.AuditKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Appends events with their seal: the application takes their global indexes from the sequence first (one
 * statement for the whole append, however many events), then inserts each row with its index and its seal,
 * HMAC-SHA256 under a key the database never holds ({@link VerifyExport#seal}). Same columns, serialisation
 * and timestamp format as Axon's own insert; the chain trigger runs on each row as before.
 */
@Component
public class EventSeals {
    private final byte[] key;
    /** The seal key kept initialised per thread: a lookup and keying per event cost more than its HMAC. */
    private final KeyedHmac sealKey;

    EventSeals(AuditKeys keys) {
        this.key = keys.sealKey();
        this.sealKey = KeyedHmac.withKey(key);
    }

    public byte[] seal(StoredEventColumns e) {
        return sealKey.of(VerifyExport.sealed(e.globalIndex, e.aggregateId, e.type, e.sequence, e.eventId,
                e.payloadType, e.payloadRevision, e.payload, e.metadata, e.timestamp));
    }

    public byte[] key() {
        return key.clone();
    }

    /** The columns of one event as they will be stored. */
    public record StoredEventColumns(long globalIndex, String aggregateId, String type, long sequence, String eventId,
                                     String payloadType, String payloadRevision, byte[] payload, byte[] metadata,
                                     String timestamp) {
    }

    /** The batch insert of {@code events}, each row with its global index and seal; Axon executes it. */
    public PreparedStatement append(Connection connection, EventSchema schema, List<? extends EventMessage<?>> events,
                                    Serializer serializer) throws SQLException {
        long[] indexes = nextGlobalIndexes(connection, schema, events.size());
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + String.join(", ", schema.globalIndexColumn(), schema.eventIdentifierColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.typeColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + ", seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        int i = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
            StoredEventColumns row = new StoredEventColumns(indexes[i++], event.getAggregateIdentifier(), event.getType(),
                    event.getSequenceNumber(), event.getIdentifier(), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metadata.getData(),
                    DateTimeUtils.formatInstant(event.getTimestamp()));
            insert.setLong(1, row.globalIndex());
            insert.setString(2, row.eventId());
            insert.setString(3, row.aggregateId());
            insert.setLong(4, row.sequence());
            insert.setString(5, row.type());
            insert.setString(6, row.timestamp());
            insert.setString(7, row.payloadType());
            insert.setString(8, row.payloadRevision());
            insert.setBytes(9, row.payload());
            insert.setBytes(10, row.metadata());
            insert.setBytes(11, seal(row));
            insert.addBatch();
        }
        return insert;
    }

    /**
     * The next global indexes from the column's own sequence, in the append's transaction just before the
     * insert: assigned as the column's default would assign them, so the gap-aware readers see what they saw.
     */
    private static long[] nextGlobalIndexes(Connection connection, EventSchema schema, int count) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, ?)) "
                + "FROM generate_series(1, ?)")) {
            next.setString(1, schema.domainEventTable());
            next.setString(2, schema.globalIndexColumn().toLowerCase(java.util.Locale.ROOT)); // a column name is taken literally
            next.setInt(3, count);
            long[] indexes = new long[count];
            try (ResultSet rs = next.executeQuery()) {
                for (int i = 0; i < count && rs.next(); i++) {
                    indexes[i] = rs.getLong(1);
                }
            }
            Arrays.sort(indexes);
            return indexes;
        }
    }
}
