package se.tidigt.gateway.writes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.platform.actor.CurrentActor;
import se.tidigt.platform.axon.CommandWrites;
import se.tidigt.platform.axon.Versions;
import se.tidigt.platform.idempotency.IdempotentWrites;
import se.tidigt.platform.idempotency.WriteRequest;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The path of every write as the web sees it: in one transaction claim the acting user's idempotency key, send
 * the command ({@link CommandWrites}) and store the answer; the answer carries the aggregate's new version as its
 * ETag, and a Location where the write created something.
 */
@Component
public class WriteAnswers {
    private final CommandWrites commands;
    private final IdempotentWrites idempotency;

    WriteAnswers(CommandWrites commands, IdempotentWrites idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    /**
     * @param command given the expected aggregate version from If-Match (or null), the command to send
     * @param answer  given the aggregate id and its new version, the answer's body
     */
    public ResponseEntity<Object> write(WriteRequest request, String aggregateId, HttpStatus status, URI location,
                                        Function<Long, Object> command, BiFunction<String, Long, Object> answer) {
        Long expectedVersion = Versions.expectedAggregateVersion(request.ifMatch());
        String user = CurrentActor.get().userId();
        return commands.retryingLostRace(() -> idempotency.run(request, user, () -> {
            CommandWrites.Written written = commands.send(aggregateId, expectedVersion, command);
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Versions.etag(written.version()));
            if (location != null) {
                response.location(location);
            }
            return response.body(answer.apply(written.aggregateId(), written.version()));
        }));
    }
}
