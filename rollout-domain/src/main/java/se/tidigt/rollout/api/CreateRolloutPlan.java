package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A city plan to spread a work model over districts in waves. */
public record CreateRolloutPlan(@TargetAggregateIdentifier String planId, String workModel, List<String> districts,
                                LocalDate firstWaveStart, int waves, int monthsPerWave, RolloutDesign design, long seed,
                                String createdBy, Instant createdAt) {
}
