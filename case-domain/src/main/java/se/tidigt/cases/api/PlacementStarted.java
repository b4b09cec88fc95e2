package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The child was placed out of home ({@code compulsory}: care under LVU). */
@Revision("1")
public record PlacementStarted(String caseId, String district, Instant occurredAt, String placementId, PlacementKind kind,
                               boolean compulsory) implements CaseEvent {
}
