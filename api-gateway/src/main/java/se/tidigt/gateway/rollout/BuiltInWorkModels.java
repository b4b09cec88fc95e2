package se.tidigt.gateway.rollout;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.rollout.api.DefineWorkModel;
import se.tidigt.rollout.api.WorkModel;
import se.tidigt.rollout.api.WorkModels;

/**
 * ORDINARY and VALLINGBY_TEAM exist from the start: defined as events on first start. Several
 * instances starting at once may race; the event store lets one win and the others carry on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BuiltInWorkModels implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BuiltInWorkModels.class);

    private final CommandGateway commands;
    private final RolloutViews rollout;

    BuiltInWorkModels(CommandGateway commands, RolloutViews rollout) {
        this.commands = commands;
        this.rollout = rollout;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (WorkModel model : WorkModels.builtIn()) {
            if (!rollout.workModelExists(model.code())) {
                try {
                    commands.sendAndWait(new DefineWorkModel(model.code(), model.name(), model.principles()));
                    log.info("Defined the built-in work model {}", model.code());
                } catch (AggregateStreamCreationException | ConcurrencyException e) {
                    log.info("Work model {} was defined by another instance", model.code());
                }
            }
        }
    }
}
