package se.tidigt.query.caseview;

import se.tidigt.cases.api.InitialAssessmentDecision;
import se.tidigt.cases.api.InvestigationOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps the case's lifecycle allows now, read from the case as it stands: what a page offers a
 * form for. The aggregate stays the judge (a step it refuses is answered with the broken rule); this
 * mirrors its rules so that a page offers no step that is bound to be refused and leaves none out.
 */
public final class NextSteps {
    private NextSteps() {
    }

    /** One step; {@code offerId} names the offer for the steps that act on one. */
    public record Step(Kind step, String offerId) {
        static Step of(Kind kind) {
            return new Step(kind, null);
        }
    }

    public enum Kind {
        PROTECTION_ASSESSMENT, INITIAL_ASSESSMENT, OPEN_INVESTIGATION, EXTEND_INVESTIGATION, CONCLUDE_INVESTIGATION,
        OFFER_INTERVENTION, RECORD_RESPONSE, START_INTERVENTION, END_INTERVENTION, ASSIGN_WORKER, RECORD_COLLABORATION,
        TRANSFER_CASE, CLOSE_CASE
    }

    /** Nothing once the case is closed; else the lifecycle's next steps, then the ones open at any time. */
    public static List<Step> of(CaseView view) {
        List<Step> steps = new ArrayList<>();
        if (view.status() != CaseView.CaseStatus.OPEN) {
            return steps;
        }
        CaseProgress progress = view.progress();
        if (progress.protectionAssessment() == null) {
            steps.add(Step.of(Kind.PROTECTION_ASSESSMENT));
        }
        if (progress.initialAssessment() == null) {
            steps.add(Step.of(Kind.INITIAL_ASSESSMENT));
        } else if (progress.initialAssessment().decision() == InitialAssessmentDecision.OPEN_INVESTIGATION && progress.investigation() == null) {
            steps.add(Step.of(Kind.OPEN_INVESTIGATION));
        }
        if (progress.investigation() != null && progress.investigation().outcome() == null) {
            steps.add(Step.of(Kind.EXTEND_INVESTIGATION));
            steps.add(Step.of(Kind.CONCLUDE_INVESTIGATION));
        }
        if (allowsOffer(progress)) {
            steps.add(Step.of(Kind.OFFER_INTERVENTION));
        }
        for (Offer offer : progress.offers()) {
            if (offer.answer() == null) {
                steps.add(new Step(Kind.RECORD_RESPONSE, offer.offerId()));
            } else if (offer.answer() == Offer.Answer.ACCEPTED && offer.startedAt() == null) {
                steps.add(new Step(Kind.START_INTERVENTION, offer.offerId()));
            } else if (offer.startedAt() != null && offer.endedAt() == null) {
                steps.add(new Step(Kind.END_INTERVENTION, offer.offerId()));
            }
        }
        for (Kind always : List.of(Kind.ASSIGN_WORKER, Kind.RECORD_COLLABORATION, Kind.TRANSFER_CASE, Kind.CLOSE_CASE)) {
            steps.add(Step.of(always));
        }
        return steps;
    }

    /** As the case decides: early support from the initial assessment, or an investigation that found a need. */
    private static boolean allowsOffer(CaseProgress progress) {
        return (progress.initialAssessment() != null && progress.initialAssessment().decision() == InitialAssessmentDecision.EARLY_SUPPORT)
                || (progress.investigation() != null && progress.investigation().outcome() == InvestigationOutcome.INTERVENTION_NEEDED);
    }
}
