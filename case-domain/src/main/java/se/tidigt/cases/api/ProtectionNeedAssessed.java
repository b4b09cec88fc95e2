package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The protection assessment was made. */
@Revision("1")
public record ProtectionNeedAssessed(String caseId, String district, Instant occurredAt, boolean immediateProtectionNeeded) implements CaseEvent {
}
