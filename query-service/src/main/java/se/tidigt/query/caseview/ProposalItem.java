package se.tidigt.query.caseview;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One proposal on a district's worklist, with how long it has waited and what is due on its case: the legal
 * deadlines keep running while a proposal waits. {@code due} is null when nothing is due.
 */
public record ProposalItem(String caseId, String workModel, Proposal proposal, long daysWaiting, Due due) {

    /** The case's next legal deadline: which, by when, whether it is past, days left (negative when overdue). */
    public record Due(Deadline.Kind kind, LocalDate dueDate, boolean overdue, long daysLeft) {
    }

    static ProposalItem of(CaseView view, Proposal proposal, LocalDate today) {
        Due due = view.openDeadlines().stream().findFirst()
                .map(d -> new Due(d.kind(), d.dueDate(), d.isOverdueOn(today), ChronoUnit.DAYS.between(today, d.dueDate())))
                .orElse(null);
        LocalDate proposed = se.tidigt.cases.api.Deadlines.localDate(proposal.proposedAt());
        LocalDate until = proposal.decidedAt() == null ? today : se.tidigt.cases.api.Deadlines.localDate(proposal.decidedAt());
        return new ProposalItem(view.caseId(), view.workModel(), proposal, ChronoUnit.DAYS.between(proposed, until), due);
    }
}
