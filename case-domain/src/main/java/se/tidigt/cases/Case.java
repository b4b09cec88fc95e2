package se.tidigt.cases;

import org.axonframework.commandhandling.CommandHandler;
import se.tidigt.cases.api.*;

import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static se.tidigt.cases.BusinessTime.now;

/**
 * A child's case in one district: from the concern to closure. Its command handlers check the
 * rules and apply events; only the event sourcing handlers of {@link CaseState} change state.
 * Public only because the application registers it with Axon; nothing else is.
 */
public class Case extends CaseState {
    Case() {
        // for Axon
    }

    @CommandHandler
    Case(RaiseConcern command, DistrictCalendar calendar) {
        ConcernIntakeRules.check(command, calendar, now());
        apply(new ConcernRaised(command.caseId(), command.district(), command.receivedAt(), command.workModel(),
                command.reporter(), command.concerns(), command.child()));
    }

    @CommandHandler
    void handle(AssessProtectionNeed command) {
        Instant at = time.check("assessedAt", command.assessedAt(), closed);
        if (protectionAssessed) {
            throw new CaseRuleViolation("protection-need-already-assessed", "The protection need was already assessed.");
        }
        apply(new ProtectionNeedAssessed(caseId, district, at, command.immediateProtectionNeeded()));
    }

    @CommandHandler
    void handle(CompleteInitialAssessment command) {
        Instant at = time.check("completedAt", command.completedAt(), closed);
        if (initialDecision != null) {
            throw new CaseRuleViolation("initial-assessment-already-completed", "The initial assessment was already completed.");
        }
        Rules.require(command.decision(), "decision");
        apply(new InitialAssessmentCompleted(caseId, district, at, command.decision()));
    }

    @CommandHandler
    void handle(OpenInvestigation command) {
        Instant at = time.check("openedAt", command.openedAt(), closed);
        Investigation.checkCanOpen(initialDecision, investigation);
        apply(new InvestigationOpened(caseId, district, at, Deadlines.investigationDue(at)));
    }

    @CommandHandler
    void handle(ExtendInvestigation command) {
        Instant at = time.check("extendedAt", command.extendedAt(), closed);
        Investigation.requireRunning(investigation).checkAfterOpening("extendedAt", at)
                .checkExtension(command.newDueDate(), command.sealedReason());
        apply(new InvestigationExtended(caseId, district, at, investigation.dueDate(), command.newDueDate(),
                command.sealedReason()));
    }

    @CommandHandler
    void handle(ConcludeInvestigation command) {
        Instant at = time.check("concludedAt", command.concludedAt(), closed);
        Investigation.requireRunning(investigation).checkAfterOpening("concludedAt", at);
        Rules.require(command.outcome(), "outcome");
        apply(new InvestigationConcluded(caseId, district, at, command.outcome()));
    }

    @CommandHandler
    void handle(OfferIntervention command) {
        Instant at = time.check("offeredAt", command.offeredAt(), closed);
        if (!assessmentAllowsOffer()) {
            throw new CaseRuleViolation("offer-requires-assessment-that-allows-it", "An offer needs an initial assessment "
                    + "deciding early support, or an investigation concluded with an intervention needed.");
        }
        Rules.require(command.interventionType(), "interventionType");
        offers.checkNew(command.offerId());
        apply(new InterventionOffered(caseId, district, at, command.offerId(), command.interventionType()));
    }

    @CommandHandler
    void handle(RecordFamilyResponse command) {
        Instant at = time.check("respondedAt", command.respondedAt(), closed);
        Offer offer = offers.unanswered(command.offerId());
        offer.checkFollows("respondedAt", at);
        if (command.accepted()) {
            offer.checkConsent(command.consentBy(), child, LocalDate.ofInstant(at, Deadlines.ZONE));
            apply(new FamilyAccepted(caseId, district, at, command.offerId(), command.consentBy()));
        } else {
            Rules.require(command.declineReason(), "declineReason");
            apply(new FamilyDeclined(caseId, district, at, command.offerId(), command.declineReason()));
        }
    }

    @CommandHandler
    void handle(StartIntervention command) {
        Instant at = time.check("startedAt", command.startedAt(), closed);
        Offer offer = offers.get(command.offerId());
        offer.checkCanStart();
        offer.checkFollows("startedAt", at);
        apply(new InterventionStarted(caseId, district, at, command.offerId()));
    }

    @CommandHandler
    void handle(EndIntervention command) {
        Instant at = time.check("endedAt", command.endedAt(), closed);
        Offer offer = offers.get(command.offerId());
        offer.checkRunning();
        offer.checkFollows("endedAt", at);
        Rules.require(command.outcome(), "outcome");
        apply(new InterventionEnded(caseId, district, at, command.offerId(), command.outcome()));
    }

    @CommandHandler
    void handle(StartPlacement command) {
        Instant at = time.check("startedAt", command.startedAt(), closed);
        Rules.require(command.kind(), "kind");
        Rules.require(command.compulsory(), "compulsory");
        placements.checkCanStart(command.placementId(), "startedAt", at);
        apply(new PlacementStarted(caseId, district, at, command.placementId(), command.kind(), command.compulsory()));
    }

    @CommandHandler
    void handle(EndPlacement command) {
        Instant at = time.check("endedAt", command.endedAt(), closed);
        placements.checkCanEnd(command.placementId(), "endedAt", at);
        apply(new PlacementEnded(caseId, district, at, command.placementId()));
    }

    @CommandHandler
    void handle(AssignWorker command) {
        Instant at = time.check("assignedAt", command.assignedAt(), closed);
        Rules.require(command.workerId(), "workerId");
        Rules.require(command.function(), "function");
        apply(new WorkerAssigned(caseId, district, at, command.workerId(), command.function()));
    }

    @CommandHandler
    void handle(RecordCollaboration command) {
        Instant at = time.check("occurredAt", command.occurredAt(), closed);
        Rules.require(command.partner(), "partner");
        Rules.require(command.kind(), "kind");
        apply(new CollaborationRecorded(caseId, district, at, command.partner(), command.kind()));
    }

    @CommandHandler
    void handle(TransferCase command, DistrictCalendar calendar) {
        Instant at = time.check("transferredAt", command.transferredAt(), closed);
        Rules.checkDistrict(calendar, "toDistrict", command.toDistrict(), at);
        if (command.toDistrict().equals(district)) {
            throw new CaseRuleViolation("transfer-to-same-district", "The case already belongs to " + district + ".");
        }
        apply(new CaseTransferred(caseId, district, at, command.toDistrict()));
    }

    @CommandHandler
    void handle(CloseCase command) {
        Instant at = time.check("closedAt", command.closedAt(), closed);
        Rules.require(command.reason(), "reason");
        apply(new CaseClosed(caseId, district, at, command.reason()));
    }

    /** Erasure is allowed in any state, closed cases too, and more than once (a repeat changes nothing). */
    @CommandHandler
    void handle(ErasePersonalData command) {
        Rules.require(command.ground(), "ground");
        apply(new PersonalDataErased(caseId, district, now(), command.ground()));
    }

    private boolean assessmentAllowsOffer() {
        return initialDecision == InitialAssessmentDecision.EARLY_SUPPORT
                || (investigation != null && investigation.outcome() == InvestigationOutcome.INTERVENTION_NEEDED);
    }
}
