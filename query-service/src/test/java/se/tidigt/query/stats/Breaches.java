package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.cases.api.Deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Legal deadlines missed: a step done after its due date, or still not done when the due date has
 * passed (and the case is still open). Due dates as in the case domain's Deadlines.
 */
final class Breaches {
    private Breaches() {
    }

    static ObjectNode of(Tally tally, List<CaseFact> cases, LocalDate today) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("PROTECTION_ASSESSMENT", Tally.node(tally.cases(cases.stream().filter(c -> missed(c,
                c.protectionAssessedAt(), Deadlines.protectionAssessmentDue(c.receivedAt()), today)))));
        node.set("INITIAL_ASSESSMENT", Tally.node(tally.cases(cases.stream().filter(c -> missed(c,
                c.initialAssessedAt(), Deadlines.initialAssessmentDue(c.receivedAt()), today)))));
        node.set("INVESTIGATION", Tally.node(tally.cases(cases.stream().filter(c -> c.investigationOpenedAt() != null
                && missed(c, c.investigationConcludedAt(), c.investigationDue(), today)))));
        return node;
    }

    private static boolean missed(CaseFact c, Instant doneAt, LocalDate due, LocalDate today) {
        if (doneAt != null) {
            return Stats.date(doneAt).isAfter(due);
        }
        return c.closedAt() == null && today.isAfter(due);
    }
}
