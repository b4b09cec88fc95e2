package se.tidigt.platform.projections;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Axon's default for a handler that throws is to log and go on, which loses the event for that
 * projection for good. Here every processing group propagates the error instead: a subscribing
 * projection (case-view, rollout) then fails the write it runs in, and nothing is stored. The
 * streaming groups in {@link DeadLetteredGroups} park the failing case's events in Axon's JDBC
 * sequenced dead-letter queue (table {@code deadletterentry}, Flyway V140), one sequence per case,
 * so one bad case never holds up the others.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionFailureConfiguration {

    @Bean
    ConfigurerModule failingHandlersAreNeverSkipped(ConnectionProvider connections, TransactionManager transactions,
                                                    SegmentFailures failures) {
        return configurer -> {
            configurer.eventProcessing().registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            for (String group : DeadLetteredGroups.NAMES) {
                configurer.eventProcessing().registerHandlerInterceptor(group, c -> failures.watching(group));
                configurer.eventProcessing()
                        .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .connectionProvider(connections)
                                .transactionManager(transactions)
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())
                                // A retry claims a sequence for this long; another instance leaves it alone meanwhile.
                                .claimDuration(Duration.ofSeconds(30))
                                .build())
                        .registerDeadLetterPolicy(group, c -> countingAttempts())
                        // A replay rebuilds from the first event: what was parked is handled again anyway.
                        // The sequence-identifier cache answers "is this case parked?" from memory while the queue
                        // holds none of the segment's cases, instead of one query per event (replay rate).
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder.allowReset(true)
                                .enableSequenceIdentifierCache());
            }
        };
    }

    /** Always keep the letter (never skip), counting the failed attempts in its diagnostics. */
    static EnqueuePolicy<EventMessage<?>> countingAttempts() {
        return (letter, cause) -> Decisions.requeue(ThrowableCause.truncated(cause),
                l -> l.diagnostics().and(DeadLetteredGroups.ATTEMPTS, DeadLetteredGroups.attempts(l) + 1));
    }
}
