package se.tidigt.rollout.workmodel;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.tidigt.rollout.api.DefineWorkModel;
import se.tidigt.rollout.api.InvalidRolloutInput;
import se.tidigt.rollout.api.WorkModelDefined;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A work model, identified by its code. Defining a code twice fails on the event store's unique
 * stream (a duplicate aggregate), which the application reports as 409.
 */
public class WorkModelDefinition {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    @AggregateIdentifier
    private String code;

    WorkModelDefinition() {
        // for Axon
    }

    @CommandHandler
    WorkModelDefinition(DefineWorkModel command) {
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw new InvalidRolloutInput("code", "must be 2 to 64 capital letters, digits or _ (e.g. VALLINGBY_TEAM)");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidRolloutInput("name", "is required");
        }
        if (command.principles() == null || command.principles().isEmpty()) {
            throw new InvalidRolloutInput("principles", "must list at least one principle");
        }
        apply(new WorkModelDefined(command.code(), command.name(), command.principles(), GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(WorkModelDefined event) {
        code = event.code();
    }
}
