package se.tidigt.cases;

import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InvalidCaseInput;
import se.tidigt.cases.api.InvestigationOutcome;

import java.time.LocalDate;

/** The case's investigation: when it was opened, its due date, and its outcome once concluded. */
record Investigation(java.time.Instant openedAt, LocalDate dueDate, InvestigationOutcome outcome) {

    /** An extension or a conclusion comes after the opening. */
    Investigation checkAfterOpening(String field, java.time.Instant at) {
        if (at.isBefore(openedAt)) {
            throw new InvalidCaseInput(field, at + " lies before the investigation was opened (" + openedAt + ")");
        }
        return this;
    }

    static void checkCanOpen(InitialAssessmentDecision decision, Investigation existing) {
        if (existing != null) {
            throw new CaseRuleViolation("investigation-already-opened", "The case already has an investigation.");
        }
        if (decision != InitialAssessmentDecision.OPEN_INVESTIGATION) {
            throw new CaseRuleViolation("investigation-requires-initial-assessment-decision",
                    "An investigation is opened only when the initial assessment decided to open one.");
        }
    }

    static Investigation requireRunning(Investigation investigation) {
        if (investigation == null || investigation.outcome() != null) {
            throw new CaseRuleViolation("no-open-investigation", "The case has no investigation in progress.");
        }
        return investigation;
    }

    /** SoL 11:2: an extension moves the due date later, for a special reason that must be given. */
    void checkExtension(LocalDate newDueDate, String reason) {
        Rules.require(newDueDate, "newDueDate");
        if (!newDueDate.isAfter(dueDate)) {
            throw new InvalidCaseInput("newDueDate", "must be after the current due date " + dueDate);
        }
        Rules.require(reason, "reason");
    }
}
