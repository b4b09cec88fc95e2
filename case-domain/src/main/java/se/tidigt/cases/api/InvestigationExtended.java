package se.tidigt.cases.api;

import java.time.Instant;

import java.time.LocalDate;

/** The investigation's due date was moved for a special reason. */
public record InvestigationExtended(String caseId, String district, Instant occurredAt, LocalDate previousDueDate, LocalDate newDueDate, String reason) implements CaseEvent {
}
