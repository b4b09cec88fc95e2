package se.tidigt.platform.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.platform.idempotency.IdempotentWrites;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.platform.actor.CurrentActor;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The path of every write: in one transaction claim the idempotency key, send the command, take
 * the aggregate's new version from the events the command appended (exactly the one this write made;
 * {@link AppendedVersions}) and store the answer. A resource's version is the number of events in its stream.
 */
@Component
public class CommandWrites {
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final IdempotentWrites idempotency;
    private final AppendedVersions appended;

    CommandWrites(CommandGateway commands, EventStore eventStore, IdempotentWrites idempotency, AppendedVersions appended) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.idempotency = idempotency;
        this.appended = appended;
    }

    /**
     * @param command given the expected aggregate version from If-Match (or null), the command to send
     * @param answer  given the aggregate id and its new version, the answer's body
     */
    public ResponseEntity<Object> write(WriteRequest request, String aggregateId, HttpStatus status, URI location,
                                        Function<Long, Object> command, BiFunction<String, Long, Object> answer) {
        Long expectedVersion = Versions.expectedAggregateVersion(request.ifMatch());
        try {
            return attempt(request, aggregateId, status, location, command, answer, expectedVersion);
        } catch (RuntimeException e) {
            if (!lostRace(e)) {
                throw e;
            }
            // The case may have come from this instance's cache while another instance appended to it
            // (a write behind the cache's back): the rollback evicted it, so the request is decided once
            // more on the stored stream. A truly stale If-Match is 412 again, a rule the stored state
            // breaks is 409; only an artefact of the cache or of a race for the next sequence number goes.
            return attempt(request, aggregateId, status, location, command, answer, expectedVersion);
        }
    }

    private ResponseEntity<Object> attempt(WriteRequest request, String aggregateId, HttpStatus status, URI location,
                                           Function<Long, Object> command, BiFunction<String, Long, Object> answer,
                                           Long expectedVersion) {
        return idempotency.run(request, CurrentActor.get().userId(), () -> {
            long version = send(aggregateId, command.apply(expectedVersion)) + 1;
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Versions.etag(version));
            if (location != null) {
                response.location(location);
            }
            return response.body(answer.apply(aggregateId, version));
        });
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConflictingAggregateVersionException) {
                return true;
            }
        }
        return false;
    }

    /** Sends the command; the aggregate's last sequence number as the command left it. */
    private long send(String aggregateId, Object command) {
        // A command that appended nothing (nothing changed) leaves the stored number as it was.
        return appended.watch(aggregateId, () -> commands.sendAndWait(command)).orElseGet(() -> lastStored(aggregateId));
    }

    private long lastStored(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).orElseThrow();
    }
}
