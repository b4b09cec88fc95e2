package se.tidigt.rollout.api;

import java.time.Instant;
import java.util.List;

/** A plan was approved. */
public record RolloutPlanApproved(String planId, String workModel, List<WaveAssignment> schedule, String approvedBy,
                                  Instant approvedAt) {
}
