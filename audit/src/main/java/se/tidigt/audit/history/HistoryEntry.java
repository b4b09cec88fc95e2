package se.tidigt.audit.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * One event as recorded: when it happened, when it was recorded, who recorded it, and what it says.
 * {@code payload} is the stored bytes as they are (sealed free text included, so they can be checked
 * against the chain); {@code openedText} gives each sealed field opened for the auditor, or
 * {@code (erased)} once the case's key is destroyed.
 */
public record HistoryEntry(long sequence, String type, String payloadType, Instant occurredAt, Instant recordedAt,
                           Actor actor, String correlationId, JsonNode payload, Map<String, String> openedText,
                           String chainHash) {

    /** Who appended the event, from its metadata. */
    public record Actor(String user, String role, String district) {
    }
}
