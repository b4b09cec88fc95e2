package se.tidigt.cases.api;

import java.time.Instant;

/** The family accepted an offer; {@code consentBy} says who consented. */
public record FamilyAccepted(String caseId, String district, Instant occurredAt, String offerId, ConsentBy consentBy) implements CaseEvent {
}
