package se.tidigt.gateway.delegation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.ChangeDelegation;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.cases.api.DecisionRank;
import se.tidigt.cases.api.Delegation;
import se.tidigt.cases.api.DelegationChanged;
import se.tidigt.cases.api.DelegationOrder;
import se.tidigt.platform.axon.EventMetadata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A district's delegation read from its own stream in the event store, in the write's transaction: a change is
 * in force for the decisions of its date on, and the case aggregate asks this ({@link DelegationOrder}) when a
 * proposal is decided. The stream holds a handful of events a year, so it is read whole each time.
 */
@Component
public class DelegationHistory implements DelegationOrder {
    private final EventStore events;

    DelegationHistory(EventStore events) {
        this.events = events;
    }

    /** A change as recorded: from when, what, when and by whom it was recorded. */
    public record Change(LocalDate effectiveFrom, Delegation delegation, Instant recordedAt, String recordedBy) {
    }

    /** The district's changes in the order they were recorded. */
    public List<Change> changes(String district) {
        List<Change> changes = new ArrayList<>();
        events.readEvents(ChangeDelegation.idOf(district)).asStream()
                .filter(message -> message.getPayload() instanceof DelegationChanged)
                .forEach((DomainEventMessage<?> message) -> {
                    DelegationChanged changed = (DelegationChanged) message.getPayload();
                    changes.add(new Change(changed.effectiveFrom(), changed.delegation(), changed.occurredAt(),
                            (String) message.getMetaData().get(EventMetadata.ACTOR_USER)));
                });
        return changes;
    }

    /** The delegation in force on a date: the latest change in force by then, the default without one. */
    public Delegation inForce(String district, LocalDate date) {
        return inForce(changes(district), date);
    }

    static Delegation inForce(List<Change> changes, LocalDate date) {
        // Recorded order breaks ties between changes from the same date: the later recording wins.
        return changes.stream().filter(change -> !change.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(Change::effectiveFrom).thenComparing(Change::recordedAt))
                .map(Change::delegation).orElse(Delegation.DEFAULT);
    }

    @Override
    public DecisionRank lowestToDecide(String district, DecisionKind kind, LocalDate date) {
        return inForce(district, date).lowestToDecide(kind);
    }
}
