package se.tidigt.platform.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events a streaming projection has parked, per case: what operators see, retry and evict.
 * A thin layer over Axon's {@link SequencedDeadLetterQueue} and its processor.
 */
@Component
public class ParkedEvents {
    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);
    /** The listing shows this many cases at most; the counts are always complete. */
    private static final int LISTED_CASES = 100;

    private final EventProcessingConfiguration processing;

    ParkedEvents(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One case's parked events: the first (failed) one's details, and how many wait behind it. */
    public record ParkedCase(String caseId, long events, String firstEventType, Long firstSequence,
                             Instant enqueuedAt, Instant lastTouched, long attempts, String causeType,
                             String causeMessage) {
    }

    /** A projection's parked events; empty when the projection parks nothing. */
    public record Summary(long cases, long events, List<ParkedCase> parked) {
        static final Summary NONE = new Summary(0, 0, List.of());
    }

    public boolean parks(String group) {
        return queue(group).isPresent();
    }

    public Summary summary(String group) {
        return queue(group).map(queue -> {
            List<ParkedCase> parked = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                if (parked.size() >= LISTED_CASES) {
                    break;
                }
                parked.add(describe(sequence));
            }
            return new Summary(queue.amountOfSequences(), queue.size(), List.copyOf(parked));
        }).orElse(Summary.NONE);
    }

    public long count(String group) {
        return queue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Handles the case's parked events again, in order; true if they all went through. */
    public boolean retry(String group, String caseId) {
        return processor(group).process(letter -> caseId.equals(caseOf(letter)));
    }

    /** Handles parked cases again until one fails or none is left; how many cases went through. */
    public int retryAll(String group, Predicate<DeadLetter<? extends EventMessage<?>>> which, int atMost) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        int done = 0;
        while (done < atMost && processor.process(which)) {
            done++;
        }
        return done;
    }

    /** Drops the case's parked events for good: the projection then lacks them (an operator's decision). */
    public long evict(String group, String caseId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group).orElseThrow();
        long evicted = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(caseId)) {
            queue.evict(letter);
            evicted++;
        }
        log.warn("Evicted {} parked events of case {} from projection {}", evicted, caseId, group);
        return evicted;
    }

    public boolean has(String group, String caseId) {
        return queue(group).map(queue -> queue.contains(caseId)).orElse(false);
    }

    private static ParkedCase describe(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        DeadLetter<? extends EventMessage<?>> first = null;
        long events = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            if (first == null) {
                first = letter;
            }
            events++;
        }
        if (first == null) {
            return new ParkedCase(null, 0, null, null, null, null, 0, null, null);
        }
        EventMessage<?> message = first.message();
        Optional<Cause> cause = first.cause();
        return new ParkedCase(caseOf(first), events, message.getPayloadType().getSimpleName(),
                message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null,
                first.enqueuedAt(), first.lastTouched(), DeadLetteredGroups.attempts(first),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null));
    }

    /** Cases are Axon aggregates, so a case's events are one dead-letter sequence, keyed by its id. */
    static String caseOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.sequencedDeadLetterProcessor(group).orElseThrow();
    }
}
