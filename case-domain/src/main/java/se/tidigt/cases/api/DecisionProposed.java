package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A decision was proposed: the whole command and who proposed it; {@code occurredAt} is when. */
@Revision("1")
public record DecisionProposed(String caseId, String district, Instant occurredAt, String proposalId, DecisionKind kind,
                               ProposedCommand decision, String proposer) implements CaseEvent {
}
