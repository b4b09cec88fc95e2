package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The family moved; {@code district} is the district the case leaves, {@code toDistrict} where it goes. */
@Revision("1")
public record CaseTransferred(String caseId, String district, Instant occurredAt, String toDistrict) implements CaseEvent {
}
