package se.tidigt.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.tidigt.platform.problem.ApiProblem;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs every write in one transaction with its idempotency record. With an {@code Idempotency-Key}
 * the first answer is stored beside the events it produced (both commit or neither); a retry with
 * the same key and body gets that answer again and stores nothing, the same key with another body
 * is 409. A concurrent retry waits on the first one's row lock and then replays its answer. A request
 * that fails stores nothing, its key included, so retrying it is a fresh attempt. Records expire after
 * {@code tidigt.idempotency.expiry} (a day by default); the request and its key are remembered only
 * keyed ({@link RequestFingerprints}).
 */
@Component
public class IdempotentWrites {
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    private final TransactionTemplate transaction;
    private final IdempotencyRecords records;
    private final ObjectMapper json;

    private final RequestFingerprints fingerprints;
    private final Duration expiry;

    IdempotentWrites(TransactionTemplate transaction, IdempotencyRecords records, ObjectMapper json,
                     RequestFingerprints fingerprints, @Value("${tidigt.idempotency.expiry:P1D}") Duration expiry) {
        this.transaction = transaction;
        this.records = records;
        this.json = json;
        this.fingerprints = fingerprints;
        this.expiry = expiry;
    }

    /** Runs a write for the current request's key, fingerprint and user. */
    public ResponseEntity<Object> run(WriteRequest request, String principal, Supplier<ResponseEntity<Object>> write) {
        return run(request.idempotencyKey(), principal, request.fingerprint(), write);
    }

    /**
     * @param key       the client's Idempotency-Key, or null
     * @param principal whose key it is (keys are per user)
     * @param request   what identifies the request: method, path, If-Match and the parsed body
     */
    private ResponseEntity<Object> run(String key, String principal, RequestFingerprint request,
                                      Supplier<ResponseEntity<Object>> write) {
        checkKey(key);
        return transaction.execute(status -> key == null ? write.get()
                : runOnce(fingerprints.stored(key), principal, fingerprints.of(toJson(request)), write));
    }

    /**
     * For work of many transactions of its own (an import, whose every line is idempotent already):
     * a key already answered replays that answer without running anything; else the work runs and
     * its answer is stored under the key, if it succeeded. Two concurrent first attempts both run —
     * harmless, since the work is idempotent — and the first to finish keeps the key.
     */
    public ResponseEntity<Object> runOrReplay(WriteRequest request, String principal,
                                              Supplier<ResponseEntity<Object>> idempotentWork) {
        if (request.idempotencyKey() == null) {
            return idempotentWork.get();
        }
        checkKey(request.idempotencyKey());
        String key = fingerprints.stored(request.idempotencyKey());
        String requestHash = fingerprints.of(toJson(request.fingerprint()));
        Optional<IdempotencyRecords.StoredAnswer> stored = records.find(principal, key);
        if (stored.isPresent()) {
            return replay(stored.get(), requestHash);
        }
        ResponseEntity<Object> answer = idempotentWork.get();
        return transaction.execute(status -> records.claim(principal, key, requestHash, expiry)
                ? complete(principal, key, answer)
                : replay(records.find(principal, key).orElseThrow(), requestHash));
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw ApiProblem.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private ResponseEntity<Object> complete(String principal, String key, ResponseEntity<Object> answer) {
        records.complete(principal, key, answer.getStatusCode().value(),
                answer.getHeaders().getFirst(HttpHeaders.LOCATION), answer.getHeaders().getETag(), toJson(answer.getBody()));
        return answer;
    }

    private ResponseEntity<Object> runOnce(String key, String principal, String requestHash,
                                           Supplier<ResponseEntity<Object>> write) {
        if (!records.claim(principal, key, requestHash, expiry)) {
            return replay(records.find(principal, key).orElseThrow(), requestHash);
        }
        return complete(principal, key, write.get());
    }

    private ResponseEntity<Object> replay(IdempotencyRecords.StoredAnswer stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ApiProblem.conflict("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request.");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(stored.status()))
                .header(REPLAYED_HEADER, "true").contentType(MediaType.APPLICATION_JSON);
        Optional.ofNullable(stored.location()).ifPresent(l -> answer.header(HttpHeaders.LOCATION, l));
        Optional.ofNullable(stored.etag()).ifPresent(answer::eTag);
        return answer.body(stored.body() == null ? null : fromJson(stored.body()));
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an answer as JSON", e);
        }
    }

    private Object fromJson(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer is not JSON", e);
        }
    }

    /** What makes two requests "the same" for an idempotency key. */
    public record RequestFingerprint(String method, String path, String ifMatch, Object body) {
    }
}
