package se.tidigt.cases.api;

import java.time.Instant;

/** The family declined an offer. */
public record FamilyDeclined(String caseId, String district, Instant occurredAt, String offerId, DeclineReason declineReason) implements CaseEvent {
}
