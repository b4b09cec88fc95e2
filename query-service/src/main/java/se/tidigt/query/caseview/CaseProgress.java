package se.tidigt.query.caseview;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How far a case has come: assessments, investigation, offers with the family's answers, out-of-home placements.
 * Changed only by the events folded in ({@link CaseView}); read through its accessors, written to JSON field by field.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class CaseProgress {
    private ProtectionAssessment protectionAssessment;
    private InitialAssessment initialAssessment;
    private Investigation investigation;
    private List<Offer> offers = new ArrayList<>();
    /** In the order they started; {@code endedAt} null while the child is placed. */
    private List<Placement> placements = new ArrayList<>();

    public ProtectionAssessment protectionAssessment() {
        return protectionAssessment;
    }

    public InitialAssessment initialAssessment() {
        return initialAssessment;
    }

    public Investigation investigation() {
        return investigation;
    }

    public List<Offer> offers() {
        return Collections.unmodifiableList(offers);
    }

    public List<Placement> placements() {
        return Collections.unmodifiableList(placements);
    }

    /** A copy with each investigation extension passed through {@code extension} (its reason opened for a reader). */
    CaseProgress withExtensions(UnaryOperator<Extension> extension) {
        CaseProgress copy = new CaseProgress();
        copy.protectionAssessment = protectionAssessment;
        copy.initialAssessment = initialAssessment;
        copy.investigation = investigation == null ? null : investigation.withExtensions(extension);
        copy.offers = new ArrayList<>(offers);
        copy.placements = new ArrayList<>(placements);
        return copy;
    }

    public record ProtectionAssessment(Instant assessedAt, boolean immediateProtectionNeeded) {
    }

    public record Placement(String placementId, PlacementKind kind, boolean compulsory, Instant startedAt, Instant endedAt) {
    }

    public record InitialAssessment(Instant completedAt, InitialAssessmentDecision decision) {
    }

    /** {@code dueDate} moves with each extension; {@code concludedAt} and {@code outcome} null while it runs. */
    public record Investigation(Instant openedAt, LocalDate dueDate, List<Extension> extensions, Instant concludedAt,
                                InvestigationOutcome outcome) {
        public Investigation {
            extensions = extensions == null ? List.of() : List.copyOf(extensions);
        }

        static Investigation opened(InvestigationOpened e) {
            return new Investigation(e.occurredAt(), e.dueDate(), List.of(), null, null);
        }

        Investigation extended(Extension extension) {
            List<Extension> all = new ArrayList<>(extensions);
            all.add(extension);
            return new Investigation(openedAt, extension.newDueDate(), all, concludedAt, outcome);
        }

        Investigation concluded(InvestigationConcluded e) {
            return new Investigation(openedAt, dueDate, extensions, e.occurredAt(), e.outcome());
        }

        Investigation withExtensions(UnaryOperator<Extension> extension) {
            return new Investigation(openedAt, dueDate, extensions.stream().map(extension).toList(), concludedAt, outcome);
        }
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
            investigation = Investigation.opened(e);
        } else if (event instanceof InvestigationExtended e) {
            // The view keeps free text only sealed (opened for each reader, unreadable once the case's key is
            // erased). A reason in clear (an event recorded before sealing, or a foreign one) is not copied
            // here: it stays in the event alone, where the auditor's history shows it until the erasure.
            String reason = sealed(e.sealedReason()) ? e.sealedReason() : null;
            investigation = investigation.extended(new Extension(e.occurredAt(), e.previousDueDate(), e.newDueDate(), reason));
        } else if (event instanceof InvestigationConcluded e) {
            investigation = investigation.concluded(e);
        } else if (event instanceof InterventionOffered e) {
            offers.add(Offer.offered(e));
        } else {
            applyToOfferOrPlacement(event);
        }
    }

    private void applyToOfferOrPlacement(CaseEvent event) {
        if (event instanceof FamilyAccepted e) {
            replaceOffer(e.offerId(), offer -> offer.accepted(e));
        } else if (event instanceof FamilyDeclined e) {
            replaceOffer(e.offerId(), offer -> offer.declined(e));
        } else if (event instanceof InterventionStarted e) {
            replaceOffer(e.offerId(), offer -> offer.started(e));
        } else if (event instanceof InterventionEnded e) {
            replaceOffer(e.offerId(), offer -> offer.ended(e));
        } else if (event instanceof PlacementStarted e) {
            placements.add(new Placement(e.placementId(), e.kind(), e.compulsory(), e.occurredAt(), null));
        } else if (event instanceof PlacementEnded e) {
            placements.replaceAll(p -> p.placementId().equals(e.placementId())
                    ? new Placement(p.placementId(), p.kind(), p.compulsory(), p.startedAt(), e.occurredAt()) : p);
        }
    }

    private void replaceOffer(String offerId, UnaryOperator<Offer> step) {
        for (int i = 0; i < offers.size(); i++) {
            if (offers.get(i).offerId().equals(offerId)) {
                offers.set(i, step.apply(offers.get(i)));
                return;
            }
        }
        throw new IllegalStateException("No offer " + offerId + " in the case's history");
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
        if (investigation != null && investigation.concludedAt() == null) {
            due.add(new Deadline(Deadline.Kind.INVESTIGATION, investigation.dueDate()));
        }
        due.sort(Comparator.comparing(Deadline::dueDate));
        return due;
    }
}
