package se.tidigt.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.tidigt.cases.Case;
import se.tidigt.cases.delegation.DistrictDelegation;
import se.tidigt.cases.openaccess.OpenAccessTally;
import se.tidigt.rollout.district.DistrictRollout;
import se.tidigt.rollout.plan.RolloutPlan;
import se.tidigt.rollout.workmodel.WorkModelDefinition;

import java.sql.SQLException;

/** Axon on PostgreSQL without Axon Server: the aggregates, duplicate-key detection and event metadata. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The domains carry no Spring annotations, so their aggregates are registered here. */
    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(cachedCases())
                .configureAggregate(OpenAccessTally.class)
                .configureAggregate(DistrictDelegation.class)
                .configureAggregate(DistrictRollout.class)
                .configureAggregate(RolloutPlan.class)
                .configureAggregate(WorkModelDefinition.class);
    }

    /**
     * Cases are cached between commands (loading a case from its events was a snapshot query and
     * two event queries per write). Weak references: the cache holds what the heap can spare, and only
     * what committed ({@link CommittedAggregateCache}). The other aggregates are written rarely.
     */
    private static AggregateConfigurer<Case> cachedCases() {
        Cache cache = new CommittedAggregateCache(new WeakReferenceCache());
        return AggregateConfigurer.defaultConfiguration(Case.class).configureCache(configuration -> cache);
    }

    /**
     * Axon's default looks for SQLIntegrityConstraintViolationException, which pgjdbc never throws:
     * without this a concurrent append to the same case would surface as a 500 instead of a
     * ConcurrencyException.
     */
    @Bean
    PersistenceExceptionResolver postgresDuplicateKeys() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Each event records the message that caused it ({@code causationId}) and the trace it belongs to;
     * Axon's default would reuse the key {@code correlationId}, which here is the HTTP request's.
     */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /** Copies who acted, and the request's correlation id, from each command onto the events it caused. */
    @Bean
    CorrelationDataProvider actorMetadata() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR_USER, EventMetadata.ACTOR_ROLE,
                EventMetadata.ACTOR_DISTRICT, EventMetadata.CORRELATION_ID);
    }
}
