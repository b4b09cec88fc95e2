package se.tidigt.cases.api;

import java.time.Instant;

/** The protection assessment was made. */
public record ProtectionNeedAssessed(String caseId, String district, Instant occurredAt, boolean immediateProtectionNeeded) implements CaseEvent {
}
