package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A proposal was rejected, with the decider's reason (sealed with the case's key). */
@Revision("1")
public record DecisionRejected(String caseId, String district, Instant occurredAt, String proposalId, DecisionKind kind,
                               String proposer, String decider, String sealedReason) implements CaseEvent {
}
