package se.tidigt.gateway.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.stream.Stream;

/**
 * Axon's JDBC event store without the snapshot query on every aggregate load. Tidigt configures no
 * snapshotter, so the snapshot table stays empty and that query (one round trip per command whose
 * aggregate is not cached) can never find anything (issue 12). Turning snapshots on means turning
 * this off ({@code tidigt.event-store.snapshots}).
 */
final class LeanJdbcEventStorageEngine extends JdbcEventStorageEngine {

    LeanJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
