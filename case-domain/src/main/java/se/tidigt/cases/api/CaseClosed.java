package se.tidigt.cases.api;

import java.time.Instant;

/** The case was closed. */
public record CaseClosed(String caseId, String district, Instant occurredAt, ClosureReason reason) implements CaseEvent {
}
