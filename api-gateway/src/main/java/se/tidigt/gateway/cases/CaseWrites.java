package se.tidigt.gateway.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.platform.axon.CommandWrites;
import se.tidigt.platform.idempotency.WriteRequest;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Writes to cases: the district check first, then the common write path. */
@Component
class CaseWrites {
    private final CommandWrites writes;
    private final DistrictAccess access;

    CaseWrites(CommandWrites writes, DistrictAccess access) {
        this.writes = writes;
        this.access = access;
    }

    /** A write to an existing case: 200 with the new version. */
    ResponseEntity<Object> onCase(String caseId, WriteRequest request, Function<Long, Object> command) {
        return onCase(caseId, request, HttpStatus.OK, command, CaseWritten::new);
    }

    ResponseEntity<Object> onCase(String caseId, WriteRequest request, HttpStatus status, Function<Long, Object> command,
                                  BiFunction<String, Long, Object> answer) {
        access.requireWritableCase(caseId);
        return writes.write(request, caseId, status, null, command, answer);
    }

    /** A new case: 201 with its location. */
    ResponseEntity<Object> raise(String caseId, WriteRequest request, Object command) {
        return writes.write(request, caseId, HttpStatus.CREATED, URI.create("/api/v1/cases/" + caseId), v -> command,
                CaseWritten::new);
    }

    record CaseWritten(String caseId, long version) {
    }

    record OfferMade(String caseId, String offerId, long version) {
    }
}
