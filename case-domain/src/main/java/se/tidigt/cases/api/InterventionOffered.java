package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An intervention was offered to the family. */
@Revision("1")
public record InterventionOffered(String caseId, String district, Instant occurredAt, String offerId, InterventionType interventionType) implements CaseEvent {
}
