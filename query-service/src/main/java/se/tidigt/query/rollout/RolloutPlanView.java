package se.tidigt.query.rollout;

import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.RolloutPlanCreated;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rollout plan as the city reads it: the schedule, and for each wave the districts not yet
 * adopted when it starts, which serve as its comparison.
 */
public record RolloutPlanView(String planId, String workModel, RolloutDesign design, long seed, LocalDate firstWaveStart,
                              int waves, int monthsPerWave, List<WaveAssignment> schedule,
                              Map<Integer, List<String>> comparisonByWave, String createdBy, Instant createdAt,
                              String approvedBy, Instant approvedAt) {

    static RolloutPlanView created(RolloutPlanCreated e) {
        return new RolloutPlanView(e.planId(), e.workModel(), e.design(), e.seed(), e.firstWaveStart(), e.waves(),
                e.monthsPerWave(), e.schedule(), SteppedWedge.comparisonDistricts(e.schedule()), e.createdBy(),
                e.createdAt(), null, null);
    }
}
