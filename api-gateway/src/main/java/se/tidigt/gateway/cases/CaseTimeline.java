package se.tidigt.gateway.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import se.tidigt.audit.accesslog.ShowsCases;
import se.tidigt.audit.history.CaseHistory;
import se.tidigt.audit.history.HistoryEntry;
import se.tidigt.personaldata.CaseTexts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A case's timeline as its district reads it: every event in order from the event store, with who
 * recorded it (user and role) and both times, and what it says — without the child's pseudonym, with
 * sealed free text opened for the reader. The auditors' history is the same read with the chain.
 */
@Component
class CaseTimeline {
    /** Fields every event carries or that only the platform reads: not shown as details. */
    private static final Set<String> NOT_DETAILS = Set.of("caseId", "district", "occurredAt", "child");
    private static final int PAGE = 500;

    private final CaseHistory history;

    CaseTimeline(CaseHistory history) {
        this.history = history;
    }

    record Answer(String caseId, long total, List<Entry> events) implements ShowsCases {
        @Override
        public List<String> caseIds() {
            return List.of(caseId);
        }
    }

    record Entry(long sequence, String type, Instant occurredAt, Instant recordedAt, Actor actor, JsonNode details) {
    }

    record Actor(String user, String role) {
    }

    Answer of(String caseId) {
        List<Entry> events = new ArrayList<>();
        long total;
        int page = 0;
        do {
            CaseHistory.HistoryPage read = history.page(caseId, page++, PAGE);
            read.events().forEach(e -> events.add(entry(e)));
            total = read.total();
        } while (events.size() < total);
        return new Answer(caseId, total, events);
    }

    private static Entry entry(HistoryEntry e) {
        JsonNode details = e.payload();
        if (details instanceof ObjectNode object) {
            object.remove(NOT_DETAILS);
            if (e.openedText() != null) {
                e.openedText().forEach(object::put);
            }
            object.properties().removeIf(field -> field.getValue().isTextual() && CaseTexts.isSealed(field.getValue().asText()));
        }
        return new Entry(e.sequence(), e.type(), e.occurredAt(), e.recordedAt(), new Actor(e.actor().user(), e.actor().role()), details);
    }
}
