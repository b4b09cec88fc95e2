package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A decision asked for by someone the delegation does not let decide it alone: checked against the case
 * as the command itself would be, and kept until a supervisor or above decides it.
 */
public record ProposeDecision(@TargetAggregateIdentifier String caseId, String proposalId, ProposedCommand decision,
                              String proposer, @TargetAggregateVersion Long expectedVersion) {
}
