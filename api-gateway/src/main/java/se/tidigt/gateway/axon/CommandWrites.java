package se.tidigt.gateway.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.idempotency.IdempotentWrites;
import se.tidigt.gateway.idempotency.WriteRequest;
import se.tidigt.gateway.security.CurrentActor;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The path of every write: in one transaction claim the idempotency key, send the command, read
 * the aggregate's new version (inside the same transaction, so exactly the one this write made)
 * and store the answer. A resource's version is the number of events in its stream.
 */
@Component
public class CommandWrites {
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final IdempotentWrites idempotency;

    CommandWrites(CommandGateway commands, EventStore eventStore, IdempotentWrites idempotency) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.idempotency = idempotency;
    }

    /**
     * @param command given the expected aggregate version from If-Match (or null), the command to send
     * @param answer  given the aggregate id and its new version, the answer's body
     */
    public ResponseEntity<Object> write(WriteRequest request, String aggregateId, HttpStatus status, URI location,
                                        Function<Long, Object> command, BiFunction<String, Long, Object> answer) {
        Long expectedVersion = Versions.expectedAggregateVersion(request.ifMatch());
        return idempotency.run(request, CurrentActor.get().userId(), () -> {
            commands.sendAndWait(command.apply(expectedVersion));
            long version = eventStore.lastSequenceNumberFor(aggregateId).map(sequence -> sequence + 1).orElseThrow();
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Versions.etag(version));
            if (location != null) {
                response.location(location);
            }
            return response.body(answer.apply(aggregateId, version));
        });
    }
}
