package se.tidigt.cases.api;

import java.time.Instant;

import java.time.LocalDate;

/**
 * The investigation's due date was moved for a special reason. The reason is sealed with the case's
 * own key ({@code sealedReason}), so erasing the key erases it. {@code reason} is the field events
 * recorded before sealing carried the reason in, in clear; it is null in every event since (a field
 * added compatibly: the old events stay as they are, which the audit chain requires).
 */
public record InvestigationExtended(String caseId, String district, Instant occurredAt, LocalDate previousDueDate,
                                    LocalDate newDueDate, String reason, String sealedReason) implements CaseEvent {
}
