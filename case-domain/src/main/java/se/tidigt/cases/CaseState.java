package se.tidigt.cases;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.tidigt.cases.api.*;

/**
 * What a case remembers of its history, and the only place it changes: one event sourcing handler
 * per event. {@link Case} decides on commands; this class applies the facts.
 */
abstract class CaseState {
    @AggregateIdentifier
    String caseId;
    String district;
    Child child;
    BusinessTime time;
    boolean closed;
    boolean protectionAssessed;
    InitialAssessmentDecision initialDecision;
    Investigation investigation;
    final Offers offers = new Offers();
    final Proposals proposals = new Proposals();

    @EventSourcingHandler
    void on(ConcernRaised event) {
        caseId = event.caseId();
        district = event.district();
        child = event.child();
        time = new BusinessTime(event.occurredAt());
    }

    @EventSourcingHandler
    void on(ProtectionNeedAssessed event) {
        protectionAssessed = true;
    }

    @EventSourcingHandler
    void on(InitialAssessmentCompleted event) {
        initialDecision = event.decision();
    }

    @EventSourcingHandler
    void on(InvestigationOpened event) {
        investigation = new Investigation(event.occurredAt(), event.dueDate(), null);
    }

    @EventSourcingHandler
    void on(InvestigationExtended event) {
        investigation = new Investigation(investigation.openedAt(), event.newDueDate(), null);
    }

    @EventSourcingHandler
    void on(InvestigationConcluded event) {
        investigation = new Investigation(investigation.openedAt(), investigation.dueDate(), event.outcome());
    }

    @EventSourcingHandler
    void on(InterventionOffered event) {
        offers.add(event.offerId(), event.interventionType(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(FamilyAccepted event) {
        offers.get(event.offerId()).accepted(event.occurredAt());
    }

    @EventSourcingHandler
    void on(FamilyDeclined event) {
        offers.get(event.offerId()).declined(event.occurredAt());
    }

    @EventSourcingHandler
    void on(InterventionStarted event) {
        offers.get(event.offerId()).started(event.occurredAt());
    }

    @EventSourcingHandler
    void on(InterventionEnded event) {
        offers.get(event.offerId()).ended(event.occurredAt());
    }

    @EventSourcingHandler
    void on(CaseTransferred event) {
        district = event.toDistrict();
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        closed = true;
    }

    /** A proposal changes no business time: the steps it proposes carry their own. */
    @EventSourcingHandler
    void on(DecisionProposed event) {
        proposals.proposed(event.proposalId(), event.decision(), event.proposer());
    }

    @EventSourcingHandler
    void on(DecisionApproved event) {
        proposals.decided(event.proposalId());
    }

    @EventSourcingHandler
    void on(DecisionRejected event) {
        proposals.decided(event.proposalId());
    }
}
