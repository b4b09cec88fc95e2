package se.tidigt.audit.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.tidigt.cases.api.CaseEvent;
import se.tidigt.personaldata.CaseTexts;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViewReplay;
import se.tidigt.query.caseview.CaseViewReplay.Basis;
import se.tidigt.query.caseview.CaseViewReplay.RecordedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A case at a past instant, as the system knew it ({@code asOf}, recording time) or as it stood in
 * the world ({@code validAt}, business time), replayed from the event store (through Axon, so any
 * upcaster applies) with the case view's own fold.
 */
@Service
public class CaseStates {
    private final EventStore eventStore;
    private final CaseHistory history;
    private final CaseTexts texts;
    private final Duration lateAfter;

    CaseStates(EventStore eventStore, CaseHistory history, CaseTexts texts,
               @Value("${tidigt.audit.late-after}") Duration lateAfter) {
        this.eventStore = eventStore;
        this.texts = texts;
        this.history = history;
        this.lateAfter = lateAfter;
    }

    /** An event recorded more than {@code tidigt.audit.late-after} after it happened. */
    public record LateEvent(long sequence, String type, Instant occurredAt, Instant recordedAt, Duration recordedAfter,
                            boolean withinThisInstantOnlyInValidAt) {
    }

    /**
     * @param state        the case then, or null when nothing of it was known (or had happened) yet
     * @param differences  events that happened by the instant but were recorded after it: in the
     *                     {@code validAt} view, not in the {@code asOf} one
     */
    public record PastState(String caseId, String basis, Instant instant, boolean existed, CaseView state,
                            int eventsApplied, List<Long> appliedSequences, List<Long> notApplicable,
                            List<LateEvent> recordedLate, List<Long> differences, String lateMeans) {
    }

    public PastState at(String caseId, Basis basis, Instant instant) {
        history.requireCase(caseId);
        List<RecordedEvent> events = eventStore.readEvents(caseId).asStream()
                .map(CaseStates::recorded).toList();
        CaseViewReplay.PastState replayed = CaseViewReplay.replay(events, basis, instant);
        List<LateEvent> late = events.stream()
                .filter(e -> e.recordingDelay().compareTo(lateAfter) > 0)
                .map(e -> new LateEvent(e.sequence(), e.event().getClass().getSimpleName(), e.event().occurredAt(),
                        e.recordedAt(), e.recordingDelay(), e.recordedAfterItHappened(instant)))
                .toList();
        List<Long> differences = events.stream().filter(e -> e.recordedAfterItHappened(instant))
                .map(RecordedEvent::sequence).toList();
        return new PastState(caseId, basis == Basis.AS_OF ? "asOf" : "validAt", instant, replayed.view() != null,
                texts.opened(replayed.view()), replayed.applied().size(), replayed.applied(), replayed.notApplicable(), late,
                differences, "recorded more than " + lateAfter + " after it happened");
    }

    private static RecordedEvent recorded(DomainEventMessage<?> message) {
        return new RecordedEvent(message.getSequenceNumber(), message.getTimestamp(), (CaseEvent) message.getPayload());
    }
}
