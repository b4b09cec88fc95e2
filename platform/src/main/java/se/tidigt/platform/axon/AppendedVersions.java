package se.tidigt.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * The sequence number of the last event a command appended to its aggregate, seen as the aggregate
 * publishes it, so that the write path need not ask the database ({@code select max(sequenceNumber)},
 * one round trip per write). Only on the thread that watches, and only for the aggregate it
 * names: the command bus handles a command on the caller's thread, and a failed append fails the
 * command, so a number seen here is one that commits with the transaction or not at all.
 */
@Component
class AppendedVersions implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final ThreadLocal<Watch> WATCHING = new ThreadLocal<>();

    AppendedVersions(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(this);
    }

    /** Runs {@code work} and returns the last sequence number it published for the aggregate, if any. */
    OptionalLong watch(String aggregateId, Runnable work) {
        Watch outer = WATCHING.get();
        Watch watch = new Watch(aggregateId);
        WATCHING.set(watch);
        try {
            work.run();
        } finally {
            WATCHING.set(outer);
        }
        return watch.last < 0 ? OptionalLong.empty() : OptionalLong.of(watch.last);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Watch watch = WATCHING.get();
        if (watch != null) {
            for (EventMessage<?> message : messages) {
                if (message instanceof DomainEventMessage<?> event && watch.aggregateId.equals(event.getAggregateIdentifier())) {
                    watch.last = Math.max(watch.last, event.getSequenceNumber());
                }
            }
        }
        return (index, message) -> message;
    }

    private static final class Watch {
        private final String aggregateId;
        private long last = -1;

        private Watch(String aggregateId) {
            this.aggregateId = aggregateId;
        }
    }
}
