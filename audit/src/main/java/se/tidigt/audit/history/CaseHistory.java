package se.tidigt.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.stereotype.Service;
import se.tidigt.audit.chain.CaseChains;
import se.tidigt.audit.chain.EventStoreRows;
import se.tidigt.audit.verifier.VerifyExport.StoredEvent;
import se.tidigt.platform.axon.EventMetadata;
import se.tidigt.personaldata.CaseTexts;
import se.tidigt.platform.problem.ApiProblem;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A case's history read from the event store itself: every event in order, with actor and both times. */
@Service
public class CaseHistory {
    private final EventStoreRows rows;
    private final CaseChains chains;
    private final ObjectMapper json;
    private final CaseTexts texts;

    CaseHistory(EventStoreRows rows, CaseChains chains, ObjectMapper json, CaseTexts texts) {
        this.rows = rows;
        this.chains = chains;
        this.json = json;
        this.texts = texts;
    }

    public record HistoryPage(String caseId, CaseChains.ChainStart chain, int page, int size, long total,
                              List<HistoryEntry> events) {
    }

    public HistoryPage page(String caseId, int page, int size) {
        requireCase(caseId);
        List<HistoryEntry> events = rows.pageOfCase(caseId, page, size).stream().map(this::entry).toList();
        return new HistoryPage(caseId, chains.startFor(caseId), page, size, rows.countOfCase(caseId), events);
    }

    /** 404 unless the id names a case that has at least one event. */
    public void requireCase(String caseId) {
        if (!rows.isCase(caseId)) {
            throw ApiProblem.notFound("Case " + caseId);
        }
    }

    public HistoryEntry entry(StoredEvent e) {
        JsonNode payload = withoutErasedText(e.aggregateId(), e.payloadType(), readable(e.payload()));
        JsonNode metadata = readable(e.metadata());
        String payloadType = e.payloadType();
        JsonNode occurredAt = payload.path("occurredAt");
        return new HistoryEntry(e.sequence(), payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType,
                occurredAt.isTextual() ? Instant.parse(occurredAt.asText()) : null, Instant.parse(e.recordedAt()),
                new HistoryEntry.Actor(text(metadata, EventMetadata.ACTOR_USER), text(metadata, EventMetadata.ACTOR_ROLE),
                        text(metadata, EventMetadata.ACTOR_DISTRICT)),
                text(metadata, EventMetadata.CORRELATION_ID), payload, openedText(e.aggregateId(), payload),
                HexFormat.of().formatHex(e.storedLink()));
    }

    /**
     * The payload as shown: free text stored in clear (an extension's reason recorded before sealing, or
     * a foreign event's) reads as erased once the case's personal data is erased, as sealed text does. The
     * stored event is untouched (its chain still verifies); only what is shown changes.
     */
    private JsonNode withoutErasedText(String caseId, String payloadType, JsonNode payload) {
        if (!payloadType.endsWith(".InvestigationExtended") || !(payload instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
            return payload;
        }
        for (String field : new String[]{"reason", "sealedReason"}) {
            JsonNode value = object.get(field);
            if (value != null && value.isTextual() && !CaseTexts.isSealed(value.asText())) {
                object.put(field, texts.open(caseId, value.asText()));
            }
        }
        return object;
    }

    /** Every sealed text field of the payload, opened with the case's key (null when there is none). */
    private Map<String, String> openedText(String caseId, JsonNode payload) {
        Map<String, String> opened = new TreeMap<>();
        payload.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && CaseTexts.isSealed(field.getValue().asText())) {
                opened.put(field.getKey(), texts.open(caseId, field.getValue().asText()));
            }
        });
        return opened.isEmpty() ? null : opened;
    }

    /** The stored bytes as JSON; bytes that are not JSON (altered, or encrypted whole) are shown as base64. */
    public JsonNode readable(byte[] bytes) {
        if (bytes == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf("base64:" + Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
