package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The family declined an offer. */
@Revision("1")
public record FamilyDeclined(String caseId, String district, Instant occurredAt, String offerId, DeclineReason declineReason) implements CaseEvent {
}
