package se.tidigt.platform.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import se.tidigt.platform.correlation.CorrelationIds;
import se.tidigt.platform.actor.Actor;
import se.tidigt.platform.actor.CurrentActor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the acting user, their role and district, and the request's correlation id on every command;
 * the correlation data providers copy them onto every event the command causes. Auditors read them.
 */
@Component
public class EventMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {
    public static final String ACTOR_USER = "actorUser";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_DISTRICT = "actorDistrict";
    public static final String CORRELATION_ID = "correlationId";

    EventMetadata(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(current());
    }

    private static Map<String, Object> current() {
        Map<String, Object> metadata = new HashMap<>();
        CurrentActor.find().ifPresent((Actor actor) -> {
            metadata.put(ACTOR_USER, actor.userId());
            metadata.put(ACTOR_ROLE, actor.role().name());
            if (actor.district() != null) {
                metadata.put(ACTOR_DISTRICT, actor.district());
            }
        });
        CorrelationIds.current().ifPresent(id -> metadata.put(CORRELATION_ID, id));
        return metadata;
    }
}
