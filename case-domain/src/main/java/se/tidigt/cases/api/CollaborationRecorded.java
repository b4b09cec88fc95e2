package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case worked with a partner. */
@Revision("1")
public record CollaborationRecorded(String caseId, String district, Instant occurredAt, CollaborationPartner partner, CollaborationKind kind) implements CaseEvent {
}
