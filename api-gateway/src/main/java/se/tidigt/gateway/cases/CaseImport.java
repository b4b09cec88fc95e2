package se.tidigt.gateway.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.tidigt.personaldata.CaseTexts;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.gateway.cases.CaseRequests.*;
import se.tidigt.platform.idempotency.RequestFingerprints;
import se.tidigt.platform.idempotency.WriteRequest;
import se.tidigt.gateway.input.StrictJson;
import se.tidigt.gateway.input.StrictStrings;
import se.tidigt.platform.problem.ApiProblem;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One NDJSON line, one command: {@code {"type":"RaiseConcern", ...}} with the same fields as the
 * REST body, plus {@code caseId} (and {@code offerId}) to say which case a line belongs to. Each line
 * takes the same path as its REST endpoint, in its own transaction, and is idempotent: its key is a
 * keyed hash of the line (HMAC with the deployment's secret: the line holds a child's identity number),
 * so importing a file again while its records last ({@code tidigt.idempotency.expiry}) answers each
 * stored line as before and stores nothing twice. A line without a case id (or offer id) gets a random
 * one, never one derived from the line, which could be tested against guessed identity numbers; a file
 * that must stay idempotent for longer names its cases.
 */
@Component
class CaseImport {
    private final ObjectMapper json;
    private final Validator validator;
    private final CaseWrites writes;
    private final ConcernIntake intake;
    private final RequestFingerprints fingerprints;
    private final Map<String, BiFunction<JsonNode, Integer, ResponseEntity<Object>>> types;

    CaseImport(StrictJson json, Validator validator, CaseWrites writes, ConcernIntake intake, CaseTexts texts,
               RequestFingerprints fingerprints) {
        this.fingerprints = fingerprints;
        this.json = json.mapper();
        this.validator = validator;
        this.writes = writes;
        this.intake = intake;
        this.types = Map.ofEntries(
                Map.entry("RaiseConcern", this::raise),
                Map.entry("AssessProtectionNeed", onCase(ProtectionAssessmentRequest.class, CaseCommands::of)),
                Map.entry("CompleteInitialAssessment", onCase(InitialAssessmentRequest.class, CaseCommands::of)),
                Map.entry("OpenInvestigation", onDecision(DecisionKind.OPEN_INVESTIGATION, InvestigationRequest.class, CaseCommands::of)),
                Map.entry("ExtendInvestigation", onDecision(DecisionKind.EXTEND_INVESTIGATION, ExtensionRequest.class,
                        (id, b) -> CaseCommands.of(id, b, texts))),
                Map.entry("ConcludeInvestigation", onCase(ConclusionRequest.class, CaseCommands::of)),
                Map.entry("OfferIntervention", this::offer),
                Map.entry("RecordFamilyResponse", onItem("offerId", ResponseRequest.class, CaseCommands::of)),
                Map.entry("StartIntervention", onCase(StartRequest.class, CaseCommands::of)),
                Map.entry("EndIntervention", onItem("offerId", EndRequest.class, CaseCommands::of)),
                Map.entry("StartPlacement", created(PlacementRequest.class, "placementId", CaseCommands::of,
                        CaseWrites.PlacementMade::new)),
                Map.entry("EndPlacement", onItem("placementId", PlacementEndRequest.class, CaseCommands::of)),
                Map.entry("AssignWorker", onCase(WorkerRequest.class, CaseCommands::of)),
                Map.entry("RecordCollaboration", onCase(CollaborationRequest.class, CaseCommands::of)),
                Map.entry("TransferCase", onDecision(DecisionKind.TRANSFER_CASE, TransferRequest.class, CaseCommands::of)),
                Map.entry("CloseCase", onDecision(DecisionKind.CLOSE_CASE, ClosureRequest.class, CaseCommands::of)));
    }

    ResponseEntity<Object> line(String text, int number) {
        JsonNode line = parse(text);
        String type = line.path("type").isTextual() ? line.path("type").asText() : "";
        var handler = types.get(type);
        if (handler == null) {
            throw ApiProblem.invalid("type", "must be one of " + new java.util.TreeSet<>(types.keySet()));
        }
        return handler.apply(line, number);
    }

    private ResponseEntity<Object> raise(JsonNode line, int number) {
        RaiseConcernRequest body = read(line, RaiseConcernRequest.class);
        String caseId = line.hasNonNull("caseId") ? identifier(line, "caseId") : UUID.randomUUID().toString();
        return intake.raise(required(line, "district"), body, request(line, body), caseId);
    }

    /** A line that makes something new in a case (an offer, a placement): its id from the line, or a new one. */
    private <T> BiFunction<JsonNode, Integer, ResponseEntity<Object>> created(Class<T> type, String idField,
            TriFunction<String, String, T, Function<Long, Object>> command, TriFunction<String, String, Long, Object> answer) {
        return (line, number) -> {
            T body = read(line, type);
            String caseId = identifier(line, "caseId");
            String id = line.hasNonNull(idField) ? identifier(line, idField) : UUID.randomUUID().toString();
            return writes.onCase(caseId, request(line, body), HttpStatus.CREATED, command.apply(caseId, id, body),
                    (written, version) -> answer.apply(written, id, version));
        };
    }

    private ResponseEntity<Object> offer(JsonNode line, int number) {
        OfferRequest body = read(line, OfferRequest.class);
        String caseId = identifier(line, "caseId");
        String offerId = line.hasNonNull("offerId") ? identifier(line, "offerId") : UUID.randomUUID().toString();
        return writes.decision(caseId, DecisionKind.OFFER_INTERVENTION, request(line, body), HttpStatus.CREATED,
                CaseCommands.of(caseId, offerId, body),
                (id, version) -> new CaseWrites.OfferMade(id, offerId, version));
    }

    private <T> BiFunction<JsonNode, Integer, ResponseEntity<Object>> onCase(
            Class<T> type, BiFunction<String, T, Function<Long, Object>> command) {
        return (line, number) -> {
            T body = read(line, type);
            String caseId = identifier(line, "caseId");
            return writes.onCase(caseId, request(line, body), command.apply(caseId, body));
        };
    }

    /** A decision under the district's delegation: proposed instead when the user may not take it alone. */
    private <T> BiFunction<JsonNode, Integer, ResponseEntity<Object>> onDecision(
            DecisionKind kind, Class<T> type, BiFunction<String, T, Function<Long, Object>> command) {
        return (line, number) -> {
            T body = read(line, type);
            String caseId = identifier(line, "caseId");
            return writes.decision(caseId, kind, request(line, body), command.apply(caseId, body));
        };
    }

    /** A line about something the case already has (an offer, a placement), named by {@code idField}. */
    private <T> BiFunction<JsonNode, Integer, ResponseEntity<Object>> onItem(
            String idField, Class<T> type, TriFunction<String, String, T, Function<Long, Object>> command) {
        return (line, number) -> {
            T body = read(line, type);
            String caseId = identifier(line, "caseId");
            return writes.onCase(caseId, request(line, body), command.apply(caseId, identifier(line, idField), body));
        };
    }

    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    /** The line's idempotency key: the same line, imported again by the same user, replays its first answer. */
    private WriteRequest request(JsonNode line, Object body) {
        return new WriteRequest("POST", "/api/v1/import", null, "import-line:" + fingerprints.of(line.toString()), body);
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiProblem.invalid("line", "must be one JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("line", "is not well-formed JSON");
        }
    }

    private <T> T read(JsonNode line, Class<T> type) {
        T body;
        try {
            body = json.treeToValue(line, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(m.getPath().size() - 1).getFieldName() : "line";
            throw ApiProblem.invalid(field, "has a wrong value or type");
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** A line's own fields (type, caseId, district, offerId, placementId): JSON strings under the one rule, never a number made text. */
    private static String required(JsonNode line, String field) {
        JsonNode node = line.path(field);
        if (!node.isMissingNode() && !node.isNull() && !node.isTextual()) {
            throw ApiProblem.invalid(field, "must be of type string");
        }
        String value = node.asText("");
        if (value.isBlank()) {
            throw ApiProblem.invalid(field, "must not be blank");
        }
        if (!StrictStrings.allowed(value)) {
            throw ApiProblem.invalid(field, StrictStrings.RULE);
        }
        return value;
    }

    private static String identifier(JsonNode line, String field) {
        String value = required(line, field);
        if (!value.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw ApiProblem.invalid(field, "must be 1 to 64 letters, digits or . _ : -");
        }
        return value;
    }
}
