package se.tidigt.rollout.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.tidigt.rollout.api.*;

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
        PlanRules.check(command, districts);
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
