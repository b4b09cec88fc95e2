package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Approves or rejects a pending proposal. {@code reason} arrives sealed with the case's key (free text);
 * it is required for a rejection.
 */
public record DecideProposal(@TargetAggregateIdentifier String caseId, String proposalId, boolean approved,
                             String sealedReason, String decider, DecisionRank deciderRank,
                             @TargetAggregateVersion Long expectedVersion) {
}
