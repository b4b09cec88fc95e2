package se.tidigt.rollout.api;

import java.util.HashSet;

/**
 * What a rollout plan must satisfy: the aggregate checks it before it records a plan, and a dry run
 * (a plan only simulated, never stored) checks the same, so both refuse the same input.
 */
public final class PlanRules {
    private PlanRules() {
    }

    public static void check(CreateRolloutPlan command, DistrictCatalogue districts) {
        if (command.design() != RolloutDesign.STEPPED_WEDGE) {
            throw new InvalidRolloutInput("design", "must be STEPPED_WEDGE");
        }
        if (command.workModel() == null || command.workModel().isBlank()) {
            throw new InvalidRolloutInput("workModel", "is required");
        }
        if (command.districts() == null || command.districts().isEmpty()) {
            throw new InvalidRolloutInput("districts", "must name at least one district");
        }
        if (new HashSet<>(command.districts()).size() != command.districts().size()) {
            throw new InvalidRolloutInput("districts", "must not name a district twice");
        }
        for (String district : command.districts()) {
            if (!districts.isValidOn(district, command.firstWaveStart())) {
                throw new InvalidRolloutInput("districts", "district " + district + " is unknown or not valid on "
                        + command.firstWaveStart());
            }
        }
        if (command.waves() < 1 || command.waves() > command.districts().size()) {
            throw new InvalidRolloutInput("waves", "must be between 1 and the number of districts");
        }
        if (command.monthsPerWave() < 1) {
            throw new InvalidRolloutInput("monthsPerWave", "must be at least 1");
        }
    }
}
