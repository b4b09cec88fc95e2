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
 * The view a write just stored is kept in memory ({@link CaseViewCache}), so the case's next event
 * is folded in without reading and parsing the document again.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
class CaseViewProjection {
    static final String PROCESSING_GROUP = "case-view";

    /** Case views kept: about the cases being worked on at once in a city. */
    private static final int CACHED_VIEWS = 5000;

    private final CaseViewRepository repository;
    private final CaseViewCache cache = new CaseViewCache(CACHED_VIEWS);

    CaseViewProjection(CaseViewRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        if (event instanceof ConcernRaised raised) {
            CaseView view = CaseView.raisedBy(raised, version);
            if (repository.insertIfAbsent(view)) {
                cache.written(view);
            }
            return;
        }
        CaseView view = cache.take(event.caseId());
        if (view != null && view.version() == version - 1) {
            view.apply(event, version);
            if (repository.update(view, version - 1)) {
                cache.written(view);
                return;
            }
            // The table moved on without this instance (another instance wrote, a rebuild ran): read it.
        }
        view = repository.find(event.caseId())
                .orElseThrow(() -> new IllegalStateException("Event for a case never raised: " + event.caseId()));
        if (version <= view.version()) {
            return;
        }
        view.apply(event, version);
        repository.update(view);
        cache.written(view);
    }

    @ResetHandler
    void reset() {
        cache.clear();
        repository.deleteAll();
    }
}
