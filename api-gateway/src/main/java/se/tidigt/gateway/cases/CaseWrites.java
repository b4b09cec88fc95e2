package se.tidigt.gateway.cases;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.idempotency.IdempotentWrites;
import se.tidigt.gateway.idempotency.IdempotentWrites.RequestFingerprint;
import se.tidigt.gateway.security.CurrentActor;

import java.net.URI;
import java.util.function.Function;

/**
 * The path of every case write: check the district, then in one transaction claim the idempotency
 * key, send the command, read the case's new version and store the answer.
 */
@Component
class CaseWrites {
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final IdempotentWrites idempotency;
    private final DistrictAccess access;

    CaseWrites(CommandGateway commands, EventStore eventStore, IdempotentWrites idempotency, DistrictAccess access) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.idempotency = idempotency;
        this.access = access;
    }

    /** A write to an existing case: 200 with the new version, or {@code answer}'s body. */
    ResponseEntity<Object> onCase(String caseId, Request request, Function<Long, Object> command) {
        return onCase(caseId, request, HttpStatus.OK, command, CaseWritten::new);
    }

    ResponseEntity<Object> onCase(String caseId, Request request, HttpStatus status, Function<Long, Object> command,
                                  Answer answer) {
        access.requireCaseOfOwnDistrict(caseId);
        Long expectedVersion = Versions.expectedAggregateVersion(request.ifMatch());
        return idempotency.run(request.idempotencyKey(), CurrentActor.get().userId(), request.fingerprint(), () -> {
            commands.sendAndWait(command.apply(expectedVersion));
            long version = versionOf(caseId);
            return ResponseEntity.status(status).eTag(Versions.etag(version)).body(answer.of(caseId, version));
        });
    }

    /** A new case: 201 with its location. */
    ResponseEntity<Object> raise(String caseId, Request request, Object command) {
        return idempotency.run(request.idempotencyKey(), CurrentActor.get().userId(), request.fingerprint(), () -> {
            commands.sendAndWait(command);
            long version = versionOf(caseId);
            return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId)).eTag(Versions.etag(version))
                    .body(new CaseWritten(caseId, version));
        });
    }

    /** Read inside the write's transaction, so it is exactly the version this write produced. */
    private long versionOf(String caseId) {
        return eventStore.lastSequenceNumberFor(caseId).map(sequence -> sequence + 1).orElseThrow();
    }

    /** What the answer says after a write. */
    interface Answer {
        Object of(String caseId, long version);
    }

    record CaseWritten(String caseId, long version) {
    }

    record OfferMade(String caseId, String offerId, long version) {
    }

    /** The parts of an HTTP request a write needs. */
    record Request(String method, String path, String ifMatch, String idempotencyKey, Object body) {
        static Request of(HttpServletRequest http, Object body) {
            return new Request(http.getMethod(), http.getRequestURI(), http.getHeader("If-Match"),
                    http.getHeader("Idempotency-Key"), body);
        }

        RequestFingerprint fingerprint() {
            return new RequestFingerprint(method, path, ifMatch, body);
        }
    }
}
