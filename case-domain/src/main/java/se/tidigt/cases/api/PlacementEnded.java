package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An out-of-home placement ended. */
@Revision("1")
public record PlacementEnded(String caseId, String district, Instant occurredAt, String placementId) implements CaseEvent {
}
