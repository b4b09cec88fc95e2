package se.tidigt.rollout.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.tidigt.rollout.api.*;

import java.util.HashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A city plan that spreads a work model over districts in waves, and its approval. */
public class RolloutPlan {
    @AggregateIdentifier
    private String planId;
    private String workModel;
    private List<WaveAssignment> schedule;
    private boolean approved;

    RolloutPlan() {
        // for Axon
    }

    @CommandHandler
    RolloutPlan(CreateRolloutPlan command, DistrictCatalogue districts) {
        check(command, districts);
        List<WaveAssignment> schedule = SteppedWedge.schedule(command.districts(), command.firstWaveStart(),
                command.waves(), command.monthsPerWave(), command.seed());
        apply(new RolloutPlanCreated(command.planId(), command.workModel(), command.districts(), command.firstWaveStart(),
                command.waves(), command.monthsPerWave(), command.design(), command.seed(), schedule, command.createdBy(),
                command.createdAt()));
    }

    @CommandHandler
    void handle(ApproveRolloutPlan command) {
        if (approved) {
            throw new RolloutRuleViolation("plan-already-approved", "The plan " + planId + " is already approved.");
        }
        apply(new RolloutPlanApproved(planId, workModel, schedule, command.approvedBy(), command.approvedAt()));
    }

    private static void check(CreateRolloutPlan command, DistrictCatalogue districts) {
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

    @EventSourcingHandler
    void on(RolloutPlanCreated event) {
        planId = event.planId();
        workModel = event.workModel();
        schedule = event.schedule();
    }

    @EventSourcingHandler
    void on(RolloutPlanApproved event) {
        approved = true;
    }
}
