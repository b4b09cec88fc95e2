package se.tidigt.query.caseview;

import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.FamilyDeclined;
import se.tidigt.cases.api.InitialAssessmentCompleted;
import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InterventionEnded;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionStarted;
import se.tidigt.cases.api.InvestigationConcluded;
import se.tidigt.cases.api.InvestigationExtended;
import se.tidigt.cases.api.InvestigationOpened;
import se.tidigt.cases.api.InvestigationOutcome;
import se.tidigt.cases.api.PlacementEnded;
import se.tidigt.cases.api.PlacementKind;
import se.tidigt.cases.api.PlacementStarted;
import se.tidigt.cases.api.ProtectionNeedAssessed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How far a case has come: assessments, investigation, offers with the family's answers, out-of-home placements. */
public class CaseProgress {
    public ProtectionAssessment protectionAssessment;
    public InitialAssessment initialAssessment;
    public Investigation investigation;
    public List<Offer> offers = new ArrayList<>();
    /** In the order they started; {@code endedAt} null while the child is placed. */
    public List<Placement> placements = new ArrayList<>();

    public record ProtectionAssessment(Instant assessedAt, boolean immediateProtectionNeeded) {
    }

    public record Placement(String placementId, PlacementKind kind, boolean compulsory, Instant startedAt, Instant endedAt) {
    }

    public record InitialAssessment(Instant completedAt, InitialAssessmentDecision decision) {
    }

    public static class Investigation {
        public Instant openedAt;
        public LocalDate dueDate;
        public List<Extension> extensions = new ArrayList<>();
        public Instant concludedAt;
        public InvestigationOutcome outcome;
    }

    /** {@code reason} as stored: sealed with the case's key; the gateway opens it for its reader. */
    public record Extension(Instant extendedAt, LocalDate previousDueDate, LocalDate newDueDate, String reason) {
        public Extension withReason(String text) {
            return new Extension(extendedAt, previousDueDate, newDueDate, text);
        }
    }

    /** Sealed free text as the gateway writes it ({@code sealed:v1:...}). */
    static boolean sealed(String text) {
        return text != null && text.startsWith("sealed:");
    }

    void apply(CaseEvent event) {
        if (event instanceof ProtectionNeedAssessed e) {
            protectionAssessment = new ProtectionAssessment(e.occurredAt(), e.immediateProtectionNeeded());
        } else if (event instanceof InitialAssessmentCompleted e) {
            initialAssessment = new InitialAssessment(e.occurredAt(), e.decision());
        } else if (event instanceof InvestigationOpened e) {
            investigation = new Investigation();
            investigation.openedAt = e.occurredAt();
            investigation.dueDate = e.dueDate();
        } else if (event instanceof InvestigationExtended e) {
            // The view keeps free text only sealed (opened for each reader, unreadable once the case's key is
            // erased). A reason in clear (an event recorded before sealing, or a foreign one) is not copied
            // here: it stays in the event alone, where the auditor's history shows it until the erasure.
            String reason = sealed(e.sealedReason()) ? e.sealedReason() : null;
            investigation.extensions.add(new Extension(e.occurredAt(), e.previousDueDate(), e.newDueDate(), reason));
            investigation.dueDate = e.newDueDate();
        } else if (event instanceof InvestigationConcluded e) {
            investigation.concludedAt = e.occurredAt();
            investigation.outcome = e.outcome();
        } else if (event instanceof InterventionOffered e) {
            offers.add(Offer.offered(e));
        } else {
            applyToOfferOrPlacement(event);
        }
    }

    private void applyToOfferOrPlacement(CaseEvent event) {
        if (event instanceof FamilyAccepted e) {
            offer(e.offerId()).accepted(e);
        } else if (event instanceof FamilyDeclined e) {
            offer(e.offerId()).declined(e);
        } else if (event instanceof InterventionStarted e) {
            offer(e.offerId()).startedAt = e.occurredAt();
        } else if (event instanceof InterventionEnded e) {
            offer(e.offerId()).ended(e);
        } else if (event instanceof PlacementStarted e) {
            placements.add(new Placement(e.placementId(), e.kind(), e.compulsory(), e.occurredAt(), null));
        } else if (event instanceof PlacementEnded e) {
            placements.replaceAll(p -> p.placementId().equals(e.placementId())
                    ? new Placement(p.placementId(), p.kind(), p.compulsory(), p.startedAt(), e.occurredAt()) : p);
        }
    }

    private Offer offer(String offerId) {
        return offers.stream().filter(o -> o.offerId.equals(offerId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No offer " + offerId + " in the case's history"));
    }

    /** The legal deadlines still open, earliest first. */
    List<Deadline> openDeadlines(Instant concernReceivedAt) {
        List<Deadline> due = new ArrayList<>();
        if (protectionAssessment == null) {
            due.add(new Deadline(Deadline.Kind.PROTECTION_ASSESSMENT, Deadlines.protectionAssessmentDue(concernReceivedAt)));
        }
        if (initialAssessment == null) {
            due.add(new Deadline(Deadline.Kind.INITIAL_ASSESSMENT, Deadlines.initialAssessmentDue(concernReceivedAt)));
        }
        if (investigation != null && investigation.concludedAt == null) {
            due.add(new Deadline(Deadline.Kind.INVESTIGATION, investigation.dueDate));
        }
        due.sort(Comparator.comparing(Deadline::dueDate));
        return due;
    }
}
