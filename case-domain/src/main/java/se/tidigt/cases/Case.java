package se.tidigt.cases;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
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
        apply(decided(command));
    }

    private InvestigationOpened decided(OpenInvestigation command) {
        Instant at = time.check("openedAt", command.openedAt(), closed);
        Investigation.checkCanOpen(initialDecision, investigation);
        return new InvestigationOpened(caseId, district, at, Deadlines.investigationDue(at));
    }

    @CommandHandler
    void handle(ExtendInvestigation command) {
        apply(decided(command));
    }

    private InvestigationExtended decided(ExtendInvestigation command) {
        Instant at = time.check("extendedAt", command.extendedAt(), closed);
        Investigation.requireRunning(investigation).checkAfterOpening("extendedAt", at)
                .checkExtension(command.newDueDate(), command.sealedReason());
        return new InvestigationExtended(caseId, district, at, investigation.dueDate(), command.newDueDate(),
                command.sealedReason());
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
        apply(decided(command));
    }

    private InterventionOffered decided(OfferIntervention command) {
        Instant at = time.check("offeredAt", command.offeredAt(), closed);
        if (!assessmentAllowsOffer()) {
            throw new CaseRuleViolation("offer-requires-assessment-that-allows-it", "An offer needs an initial assessment "
                    + "deciding early support, or an investigation concluded with an intervention needed.");
        }
        Rules.require(command.interventionType(), "interventionType");
        offers.checkNew(command.offerId());
        return new InterventionOffered(caseId, district, at, command.offerId(), command.interventionType());
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
        apply(decided(command, calendar));
    }

    private CaseTransferred decided(TransferCase command, DistrictCalendar calendar) {
        Instant at = time.check("transferredAt", command.transferredAt(), closed);
        Rules.checkDistrict(calendar, "toDistrict", command.toDistrict(), at);
        if (command.toDistrict().equals(district)) {
            throw new CaseRuleViolation("transfer-to-same-district", "The case already belongs to " + district + ".");
        }
        return new CaseTransferred(caseId, district, at, command.toDistrict());
    }

    @CommandHandler
    void handle(CloseCase command) {
        apply(decided(command));
    }

    private CaseClosed decided(CloseCase command) {
        Instant at = time.check("closedAt", command.closedAt(), closed);
        Rules.require(command.reason(), "reason");
        return new CaseClosed(caseId, district, at, command.reason());
    }

    /**
     * A decision the proposer may not take alone: checked now as the command itself would be (so a
     * proposal that could never be carried out is refused at once), then kept until it is decided.
     */
    @CommandHandler
    void handle(ProposeDecision command, DistrictCalendar calendar) {
        Rules.require(command.proposalId(), "proposalId");
        Rules.require(command.proposer(), "proposer");
        if (command.decision() == null) {
            throw new InvalidCaseInput("decision", "is required");
        }
        proposals.checkNew(command.proposalId());
        decided(command.decision(), calendar);
        apply(new DecisionProposed(caseId, district, now(), command.proposalId(), command.decision().kind(),
                command.decision(), command.proposer()));
    }

    /**
     * A supervisor or above, never the proposer, decides a proposal. Approval applies the decided event
     * itself, with the proposal, the proposer and the decider in its metadata, as long as the case still
     * allows it; a proposal the case has moved past can only be rejected.
     */
    @CommandHandler
    void handle(DecideProposal command, DistrictCalendar calendar, DelegationOrder delegation) {
        Proposals.Pending proposal = proposals.pending(command.proposalId());
        if (closed) {
            throw new CaseRuleViolation("case-closed", "The case is closed; its proposals can no longer be decided.");
        }
        Rules.require(command.decider(), "decider");
        if (command.decider().equals(proposal.proposer())) {
            throw new NotEntitledToDecide("proposer-cannot-decide", "A proposal is decided by someone other than its proposer.");
        }
        DecisionRank needed = DecisionRank.toDecideProposal(
                delegation.lowestToDecide(district, proposal.decision().kind(), Deadlines.localDate(now())));
        if (command.deciderRank() == null || !command.deciderRank().atLeast(needed)) {
            throw new NotEntitledToDecide("rank-below-delegation", "The district's delegation has this decided by "
                    + needed.name().toLowerCase(java.util.Locale.ROOT) + " or above.");
        }
        if (!command.approved()) {
            Rules.require(command.sealedReason(), "reason");
            apply(new DecisionRejected(caseId, district, now(), command.proposalId(), proposal.decision().kind(),
                    proposal.proposer(), command.decider(), command.sealedReason()));
            return;
        }
        CaseEvent decided;
        try {
            decided = decided(proposal.decision(), calendar);
        } catch (CaseRuleViolation | InvalidCaseInput overtaken) {
            throw new CaseRuleViolation("proposal-overtaken", "The case has moved past this proposal: "
                    + overtaken.getMessage());
        }
        apply(new DecisionApproved(caseId, district, now(), command.proposalId(), proposal.decision().kind(),
                proposal.proposer(), command.decider(), command.sealedReason()));
        apply(decided, MetaData.with(DecisionApproved.PROPOSAL_ID, command.proposalId())
                .and(DecisionApproved.PROPOSED_BY, proposal.proposer())
                .and(DecisionApproved.DECIDED_BY, command.decider()));
    }

    private CaseEvent decided(ProposedCommand proposed, DistrictCalendar calendar) {
        Object command = proposed.command();
        if (command instanceof OpenInvestigation c) {
            return decided(c);
        } else if (command instanceof ExtendInvestigation c) {
            return decided(c);
        } else if (command instanceof OfferIntervention c) {
            return decided(c);
        } else if (command instanceof CloseCase c) {
            return decided(c);
        } else if (command instanceof TransferCase c) {
            return decided(c, calendar);
        }
        throw new InvalidCaseInput("decision", "must name one decision");
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
