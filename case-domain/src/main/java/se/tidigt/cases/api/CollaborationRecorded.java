package se.tidigt.cases.api;

import java.time.Instant;

/** The case worked with a partner. */
public record CollaborationRecorded(String caseId, String district, Instant occurredAt, CollaborationPartner partner, CollaborationKind kind) implements CaseEvent {
}
