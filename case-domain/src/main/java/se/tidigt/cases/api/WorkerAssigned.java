package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A social worker was assigned to the case in a function. */
@Revision("1")
public record WorkerAssigned(String caseId, String district, Instant occurredAt, String workerId, WorkerFunction function) implements CaseEvent {
}
