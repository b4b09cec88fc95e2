package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A plan was made; the schedule is stored, so history never depends on re-running the draw. */
@Revision("1")
public record RolloutPlanCreated(String planId, String workModel, List<String> districts, LocalDate firstWaveStart,
                                 int waves, int monthsPerWave, RolloutDesign design, long seed,
                                 List<WaveAssignment> schedule, String createdBy, Instant createdAt) {
}
