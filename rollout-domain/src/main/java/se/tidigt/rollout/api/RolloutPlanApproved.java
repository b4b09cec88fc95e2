package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A plan was approved. */
@Revision("1")
public record RolloutPlanApproved(String planId, String workModel, List<WaveAssignment> schedule, String approvedBy,
                                  Instant approvedAt) {
}
