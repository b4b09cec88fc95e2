package se.tidigt.gateway.audit.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One event as recorded: when it happened, when it was recorded, who recorded it, and what it says. */
public record HistoryEntry(long sequence, String type, String payloadType, Instant occurredAt, Instant recordedAt,
                           Actor actor, String correlationId, JsonNode payload, String chainHash) {

    /** Who appended the event, from its metadata. */
    public record Actor(String user, String role, String district) {
    }
}
