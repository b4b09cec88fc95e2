package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

import java.time.LocalDate;

/** An investigation was opened; {@code dueDate} is four months on (SoL 11:2). */
@Revision("1")
public record InvestigationOpened(String caseId, String district, Instant occurredAt, LocalDate dueDate) implements CaseEvent {
}
