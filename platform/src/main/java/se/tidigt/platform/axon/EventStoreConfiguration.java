package se.tidigt.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.platform.axon.EventSeals;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Axon's JDBC event store, built as Spring Boot's Axon auto-configuration builds it (same serializers,
 * upcasters, snapshot filter, schema, connections, transactions and duplicate-key resolver), with the
 * gap timeout made a setting ({@code tidigt.event-store.gap-timeout}) and checked against the
 * PostgreSQL timeouts of a pooled connection before anything is written.
 *
 * <p>Why: a streaming projection records no gap below an event that looks older than the gap timeout,
 * so an event whose transaction commits after that is skipped for good (github.com/AxonFramework/AxonFramework/issues/4829,
 * closed won't-fix). What prevents it is that no write transaction lives that long; see
 * {@link TransactionTimeouts}.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * Events serialised as every message is (Jackson, with each event's {@code @Revision}), under the stored
     * type names of {@link StoredEventTypes} rather than their classes' names. Replaces Axon's own
     * {@code eventSerializer} bean, which Axon's auto-configuration builds only when none is given.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("messageSerializer") Serializer messageSerializer) {
        return new StoredEventTypes(messageSerializer);
    }

    /**
     * Instants in the store's own form read without Java time's general formatter, by the application's JSON mapper
     * (which Axon's Jackson serializer is built on): see {@link IsoInstantReading}.
     */
    @Bean
    com.fasterxml.jackson.databind.Module isoInstantReading() {
        return new IsoInstantReading();
    }

    /** Registered with Axon as a bean: every read of the event store (aggregates, processors, audit) applies it. */
    @Bean
    EventUpcaster investigationExtendedWithoutReasonInClear() {
        return new InvestigationExtendedUpcaster();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          ObjectProvider<EventSchema> eventSchema,
                                          DataSource dataSource,
                                          @Value("${tidigt.event-store.gap-timeout:PT60S}") Duration gapTimeout,
                                          @Value("${tidigt.event-store.snapshots:false}") boolean snapshots,
                                          @Value("${tidigt.event-store.batch-size:100}") int batchSize,
                                          EventSeals seals) {
        try (Connection connection = dataSource.getConnection()) {
            TransactionTimeouts.verify(connection, gapTimeout);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read PostgreSQL's transaction timeouts to check them against the"
                    + " gap timeout: " + e.getMessage(), e);
        }
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema.getIfAvailable(EventSchema::new)) // Boot's default: Axon's table and column names
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .maxGapOffset(LeanJdbcEventStorageEngine.MAX_GAP_OFFSET)
                .lowestGlobalSequence(LeanJdbcEventStorageEngine.LOWEST_GLOBAL_SEQUENCE)
                .batchSize(batchSize)
                // PostgreSQL's LIMIT returns a full batch while there are more: a short batch is the last,
                // without Axon's default of one more (empty) query to make sure.
                .finalAggregateBatchPredicate(batch -> batch.size() < batchSize);
        return new LeanJdbcEventStorageEngine(builder, snapshots, seals, gapTimeout);
    }
}
