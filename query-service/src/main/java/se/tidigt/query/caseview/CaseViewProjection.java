package se.tidigt.query.caseview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.ConcernRaised;

/**
 * Keeps {@code case_view} in step with the case events. It runs in a subscribing processor, inside
 * the transaction that appends the events, so a read right after a write shows that write.
 * Idempotent: an event at or below the stored version is ignored, so replays never apply twice.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {
    static final String PROCESSING_GROUP = "case-view";

    private final CaseViewRepository repository;

    CaseViewProjection(CaseViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        if (event instanceof ConcernRaised raised) {
            CaseView view = CaseView.raisedBy(raised);
            view.version = version;
            repository.insertIfAbsent(view);
            return;
        }
        CaseView view = repository.find(event.caseId())
                .orElseThrow(() -> new IllegalStateException("Event for a case never raised: " + event.caseId()));
        if (version <= view.version) {
            return;
        }
        view.apply(event, version);
        repository.update(view);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
