package se.tidigt.query.caseview;

import java.time.LocalDate;
import java.util.List;

/** One open case on a district's deadline worklist: what is due next, when, and whether it is overdue. */
public record WorklistItem(String caseId, String workModel, Deadline.Kind nextDue, LocalDate dueDate,
                           boolean overdue, long daysLeft, List<Deadline> allOpenDeadlines) {

    static WorklistItem of(CaseView view, LocalDate today) {
        List<Deadline> open = view.openDeadlines();
        Deadline next = open.get(0);
        return new WorklistItem(view.caseId(), view.workModel(), next.kind(), next.dueDate(), next.isOverdueOn(today),
                java.time.temporal.ChronoUnit.DAYS.between(today, next.dueDate()), open);
    }
}
