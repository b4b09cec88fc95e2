package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Assigns a (pseudonymous) social worker in a function; continuity is how many a family meets. */
public record AssignWorker(@TargetAggregateIdentifier String caseId, String workerId, WorkerFunction function, Instant assignedAt, @TargetAggregateVersion Long expectedVersion) {
}
