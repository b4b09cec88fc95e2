package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was closed. */
@Revision("1")
public record CaseClosed(String caseId, String district, Instant occurredAt, ClosureReason reason) implements CaseEvent {
}
