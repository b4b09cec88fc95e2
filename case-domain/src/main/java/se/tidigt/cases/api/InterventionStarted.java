package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An accepted intervention started. */
@Revision("1")
public record InterventionStarted(String caseId, String district, Instant occurredAt, String offerId) implements CaseEvent {
}
