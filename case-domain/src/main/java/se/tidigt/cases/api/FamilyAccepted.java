package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The family accepted an offer; {@code consentBy} says who consented. */
@Revision("1")
public record FamilyAccepted(String caseId, String district, Instant occurredAt, String offerId, ConsentBy consentBy) implements CaseEvent {
}
