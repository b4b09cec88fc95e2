package se.tidigt.query.caseview;

import se.tidigt.cases.api.DecisionApproved;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.cases.api.DecisionProposed;
import se.tidigt.cases.api.DecisionRejected;
import se.tidigt.cases.api.ProposedCommand;

import java.time.Instant;

/**
 * A decision proposed on the case (in {@code district}, the case's district then), and what became of it. {@code reason} is the decider's, as stored: sealed
 * with the case's key (the gateway opens it for its reader); {@code decision} is the whole proposed command.
 */
public record Proposal(String proposalId, String district, DecisionKind kind, Status status, String proposedBy, Instant proposedAt,
                       String decidedBy, Instant decidedAt, String reason, ProposedCommand decision) {
    public enum Status { PENDING, APPROVED, REJECTED }

    static Proposal proposed(DecisionProposed e) {
        return new Proposal(e.proposalId(), e.district(), e.kind(), Status.PENDING, e.proposer(), e.occurredAt(), null, null, null,
                e.decision());
    }

    Proposal approved(DecisionApproved e) {
        return decided(Status.APPROVED, e.decider(), e.occurredAt(), e.sealedReason());
    }

    Proposal rejected(DecisionRejected e) {
        return decided(Status.REJECTED, e.decider(), e.occurredAt(), e.sealedReason());
    }

    private Proposal decided(Status outcome, String decider, Instant at, String sealedReason) {
        return new Proposal(proposalId, district, kind, outcome, proposedBy, proposedAt, decider, at, sealedReason, decision);
    }

    /** The same proposal with its texts as a reader may see them. */
    public Proposal withTexts(String openedReason, ProposedCommand openedDecision) {
        return new Proposal(proposalId, district, kind, status, proposedBy, proposedAt, decidedBy, decidedAt, openedReason, openedDecision);
    }
}
