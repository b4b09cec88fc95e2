package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The city approves a plan; its wave starts become the districts' planned adoptions. */
public record ApproveRolloutPlan(@TargetAggregateIdentifier String planId, String approvedBy, Instant approvedAt) {
}
