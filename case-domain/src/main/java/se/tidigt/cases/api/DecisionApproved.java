package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A proposal was approved; the decided event follows it in the stream, carrying {@link #PROPOSAL_ID},
 * {@link #PROPOSED_BY} and {@link #DECIDED_BY} in its metadata. {@code sealedReason} may be null.
 */
@Revision("1")
public record DecisionApproved(String caseId, String district, Instant occurredAt, String proposalId, DecisionKind kind,
                               String proposer, String decider, String sealedReason) implements CaseEvent {
    public static final String PROPOSAL_ID = "proposalId";
    public static final String PROPOSED_BY = "proposedBy";
    public static final String DECIDED_BY = "decidedBy";
}
