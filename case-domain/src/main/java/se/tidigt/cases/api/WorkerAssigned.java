package se.tidigt.cases.api;

import java.time.Instant;

/** A social worker was assigned to the case in a function. */
public record WorkerAssigned(String caseId, String district, Instant occurredAt, String workerId, WorkerFunction function) implements CaseEvent {
}
