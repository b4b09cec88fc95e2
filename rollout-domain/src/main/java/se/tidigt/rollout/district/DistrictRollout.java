package se.tidigt.rollout.district;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import se.tidigt.rollout.api.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One district's rollout through time: adoptions, suspensions, reinstatements, funding, staffing,
 * planned adoptions. Its identifier is the district code; it is created by its first command.
 */
public class DistrictRollout {
    @AggregateIdentifier
    private String district;
    private RolloutTimeline timeline = new RolloutTimeline();

    DistrictRollout() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdoptWorkModel command, DistrictCatalogue districts) {
        Validity.check(districts, command.district(), command.effectiveFrom(), "effectiveFrom");
        Validity.require(command.workModel(), "workModel");
        if (timeline.modelInForceOn(command.effectiveFrom()).filter(command.workModel()::equals).isPresent()) {
            throw new RolloutRuleViolation("work-model-already-in-force",
                    command.workModel() + " is already in force in " + command.district() + " on " + command.effectiveFrom() + ".");
        }
        apply(new WorkModelAdopted(command.district(), command.workModel(), command.effectiveFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SuspendWorkModel command, DistrictCatalogue districts) {
        Validity.check(districts, command.district(), command.effectiveFrom(), "effectiveFrom");
        Validity.require(command.workModel(), "workModel");
        Validity.require(command.reason(), "reason");
        if (timeline.modelInForceOn(command.effectiveFrom()).filter(command.workModel()::equals).isEmpty()) {
            throw new RolloutRuleViolation("work-model-not-in-force",
                    command.workModel() + " is not in force in " + command.district() + " on " + command.effectiveFrom() + ".");
        }
        apply(new WorkModelSuspended(command.district(), command.workModel(), command.effectiveFrom(), command.reason(),
                command.note()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReinstateWorkModel command, DistrictCatalogue districts) {
        Validity.check(districts, command.district(), command.effectiveFrom(), "effectiveFrom");
        Validity.require(command.workModel(), "workModel");
        if (!timeline.isSuspendedOn(command.workModel(), command.effectiveFrom())) {
            throw new RolloutRuleViolation("work-model-not-suspended",
                    command.workModel() + " is not suspended in " + command.district() + " on " + command.effectiveFrom() + ".");
        }
        apply(new WorkModelReinstated(command.district(), command.workModel(), command.effectiveFrom()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantFunding command, DistrictCatalogue districts) {
        Validity.require(command.source(), "source");
        Validity.require(command.from(), "from");
        Validity.require(command.to(), "to");
        if (command.to().isBefore(command.from())) {
            throw new InvalidRolloutInput("to", "must not be before from");
        }
        if (command.amountSek() <= 0) {
            throw new InvalidRolloutInput("amountSek", "must be positive");
        }
        Validity.check(districts, command.district(), command.from(), "from");
        apply(new FundingGranted(command.district(), command.source(), command.amountSek(), command.from(), command.to()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordStaffing command, DistrictCatalogue districts) {
        Validity.check(districts, command.district(), command.effectiveFrom(), "effectiveFrom");
        nonNegative(command.budgetedFte(), "budgetedFte");
        nonNegative(command.filledFte(), "filledFte");
        apply(new StaffingRecorded(command.district(), command.effectiveFrom(), command.budgetedFte(), command.filledFte()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanAdoption command, DistrictCatalogue districts) {
        Validity.check(districts, command.district(), command.effectiveFrom(), "effectiveFrom");
        apply(new AdoptionPlanned(command.district(), command.workModel(), command.effectiveFrom(), command.planId(),
                command.wave()));
    }

    private static void nonNegative(BigDecimal value, String field) {
        Validity.require(value, field);
        if (value.signum() < 0) {
            throw new InvalidRolloutInput(field, "must not be negative");
        }
    }

    @EventSourcingHandler
    void on(DistrictRolloutEvent event) {
        district = event.district();
        timeline.add(event);
    }
}
