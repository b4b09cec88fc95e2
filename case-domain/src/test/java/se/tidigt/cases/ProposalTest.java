package se.tidigt.cases;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

import java.util.EnumMap;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

/** Decisions under delegation: who may decide a proposal, never its proposer, stale proposals, deadlines. */
class ProposalTest extends CaseFixture {
    static final String PROPOSAL = "proposal-1";
    static final String WORKER = "hv-worker";
    static final String SUPERVISOR = "hv-supervisor";
    static final OfferIntervention OFFER_COMMAND = new OfferIntervention(CASE, OFFER, after(10), InterventionType.FAMILY_TREATMENT, null);
    static final CloseCase CLOSE_COMMAND = new CloseCase(CASE, after(20), ClosureReason.NO_ACTION_NEEDED, null);

    static DecisionProposed proposed(Object command, String proposer) {
        ProposedCommand decision = ProposedCommand.of(command);
        return new DecisionProposed(CASE, HV, NOW, PROPOSAL, decision.kind(), decision, proposer);
    }

    static DecideProposal approve(String decider, DecisionRank rank) {
        return new DecideProposal(CASE, PROPOSAL, true, null, decider, rank, null);
    }

    static DecideProposal reject(String decider, DecisionRank rank, String reason) {
        return new DecideProposal(CASE, PROPOSAL, false, reason, decider, rank, null);
    }

    org.axonframework.test.aggregate.TestExecutor<Case> givenAProposedOffer() {
        return fixture.givenCurrentTime(NOW).andGiven(raised(), decided(InitialAssessmentDecision.EARLY_SUPPORT),
                proposed(OFFER_COMMAND, WORKER));
    }

    static void notEntitled(ResultValidator<Case> result, String rule) {
        result.expectNoEvents().expectException(allOf(instanceOf(NotEntitledToDecide.class),
                predicate((Object e) -> e instanceof NotEntitledToDecide n && n.rule().equals(rule))));
    }

    @Test
    void a_proposal_keeps_the_whole_command_and_its_proposer() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(InitialAssessmentDecision.EARLY_SUPPORT))
                .when(new ProposeDecision(CASE, PROPOSAL, ProposedCommand.of(OFFER_COMMAND), WORKER, null))
                .expectEvents(proposed(OFFER_COMMAND, WORKER));
    }

    @Test
    void a_proposal_the_case_could_not_carry_out_is_refused_at_once() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new ProposeDecision(CASE, PROPOSAL, ProposedCommand.of(OFFER_COMMAND), WORKER, null)),
                "offer-requires-assessment-that-allows-it");
    }

    @Test
    void a_supervisor_approves_and_the_decided_event_follows_recording_proposer_and_decider() {
        givenAProposedOffer().when(approve(SUPERVISOR, DecisionRank.SUPERVISOR))
                .expectEventsMatching(exactSequenceOf(
                        predicate((EventMessage<?> m) -> m.getPayload().equals(new DecisionApproved(CASE, HV, NOW, PROPOSAL,
                                DecisionKind.OFFER_INTERVENTION, WORKER, SUPERVISOR, null))),
                        predicate((EventMessage<?> m) -> m.getPayload().equals(offered(InterventionType.FAMILY_TREATMENT))
                                && WORKER.equals(m.getMetaData().get(DecisionApproved.PROPOSED_BY))
                                && SUPERVISOR.equals(m.getMetaData().get(DecisionApproved.DECIDED_BY))
                                && PROPOSAL.equals(m.getMetaData().get(DecisionApproved.PROPOSAL_ID))),
                        andNoMore()));
    }

    @Test
    void a_worker_cannot_decide_a_proposal() {
        notEntitled(givenAProposedOffer().when(approve("hv-worker-2", DecisionRank.WORKER)), "rank-below-delegation");
    }

    @Test
    void a_worker_cannot_decide_their_own_proposal_nor_can_anyone_else_who_proposed() {
        notEntitled(givenAProposedOffer().when(approve(WORKER, DecisionRank.ADMIN)), "proposer-cannot-decide");
        notEntitled(givenAProposedOffer().when(reject(WORKER, DecisionRank.ADMIN, "sealed:v1:x")), "proposer-cannot-decide");
    }

    @Test
    void what_the_delegation_keeps_for_the_admin_a_supervisor_cannot_decide() {
        Map<DecisionKind, DecisionRank> levels = new EnumMap<>(Delegation.DEFAULT.levels());
        levels.put(DecisionKind.CLOSE_CASE, DecisionRank.ADMIN);
        delegation = new Delegation(levels);
        notEntitled(fixture.givenCurrentTime(NOW).andGiven(raised(), proposed(CLOSE_COMMAND, SUPERVISOR))
                .when(approve("hv-supervisor-2", DecisionRank.SUPERVISOR)), "rank-below-delegation");
        fixture.givenCurrentTime(NOW).andGiven(raised(), proposed(CLOSE_COMMAND, SUPERVISOR))
                .when(approve("hv-admin", DecisionRank.ADMIN))
                .expectEvents(new DecisionApproved(CASE, HV, NOW, PROPOSAL, DecisionKind.CLOSE_CASE, SUPERVISOR, "hv-admin", null),
                        new CaseClosed(CASE, HV, after(20), ClosureReason.NO_ACTION_NEEDED));
    }

    @Test
    void a_rejection_needs_a_reason_and_changes_nothing_else() {
        invalid(givenAProposedOffer().when(reject(SUPERVISOR, DecisionRank.SUPERVISOR, null)), "reason");
        givenAProposedOffer().when(reject(SUPERVISOR, DecisionRank.SUPERVISOR, "sealed:v1:why"))
                .expectEvents(new DecisionRejected(CASE, HV, NOW, PROPOSAL, DecisionKind.OFFER_INTERVENTION, WORKER,
                        SUPERVISOR, "sealed:v1:why"));
    }

    @Test
    void a_decided_proposal_cannot_be_decided_again() {
        rejectedBy(givenAProposedOffer().andGiven(new DecisionRejected(CASE, HV, NOW, PROPOSAL,
                        DecisionKind.OFFER_INTERVENTION, WORKER, SUPERVISOR, "sealed:v1:why"))
                .when(approve(SUPERVISOR, DecisionRank.SUPERVISOR)), "proposal-already-decided");
        rejectedBy(givenAProposedOffer().when(new DecideProposal(CASE, "proposal-2", true, null, SUPERVISOR,
                DecisionRank.SUPERVISOR, null)), "unknown-proposal");
    }

    @Test
    void a_proposal_the_case_has_moved_past_cannot_be_approved_but_can_be_rejected() {
        rejectedBy(givenAProposedOffer().andGiven(offered(InterventionType.FAMILY_TREATMENT))
                .when(approve(SUPERVISOR, DecisionRank.SUPERVISOR)), "proposal-overtaken");
        givenAProposedOffer().andGiven(offered(InterventionType.FAMILY_TREATMENT))
                .when(reject(SUPERVISOR, DecisionRank.SUPERVISOR, "sealed:v1:done already"))
                .expectEvents(new DecisionRejected(CASE, HV, NOW, PROPOSAL, DecisionKind.OFFER_INTERVENTION, WORKER,
                        SUPERVISOR, "sealed:v1:done already"));
    }

    @Test
    void a_closed_case_has_no_proposal_left_to_decide() {
        rejectedBy(givenAProposedOffer().andGiven(new CaseClosed(CASE, HV, after(30), ClosureReason.NO_ACTION_NEEDED))
                .when(approve(SUPERVISOR, DecisionRank.SUPERVISOR)), "case-closed");
    }

    @Test
    void the_legal_clock_keeps_running_while_a_proposal_waits() {
        // Proposed on day 6, approved months later: the investigation is due four months from the proposed
        // opening, not from the approval.
        OpenInvestigation open = new OpenInvestigation(CASE, after(6), null);
        fixture.givenCurrentTime(NOW).andGiven(raised(), decided(InitialAssessmentDecision.OPEN_INVESTIGATION),
                        proposed(open, WORKER))
                .when(approve(SUPERVISOR, DecisionRank.SUPERVISOR))
                .expectEvents(new DecisionApproved(CASE, HV, NOW, PROPOSAL, DecisionKind.OPEN_INVESTIGATION, WORKER, SUPERVISOR, null),
                        new InvestigationOpened(CASE, HV, after(6), Deadlines.investigationDue(after(6))));
    }

    @Test
    void a_proposal_satisfies_no_deadline_and_a_second_proposal_of_the_same_id_is_refused() {
        OpenInvestigation open = new OpenInvestigation(CASE, after(6), null);
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(InitialAssessmentDecision.OPEN_INVESTIGATION),
                        proposed(open, WORKER))
                .when(new ProposeDecision(CASE, PROPOSAL, ProposedCommand.of(open), WORKER, null)), "proposal-already-exists");
        // The investigation is not open while its proposal waits: it cannot be concluded.
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), decided(InitialAssessmentDecision.OPEN_INVESTIGATION),
                        proposed(open, WORKER))
                .when(new ConcludeInvestigation(CASE, after(8), InvestigationOutcome.NO_INTERVENTION_NEEDED, null)),
                "no-open-investigation");
    }
}
