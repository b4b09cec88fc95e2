package se.tidigt.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The investigation's due date was moved for a special reason. The reason is sealed with the case's
 * own key ({@code sealedReason}), so erasing the key erases it. Revision 2: events of an earlier shape
 * (no revision), recorded before reasons were sealed, carried the reason in clear in a field
 * {@code reason}; they are read through an upcaster that puts it in {@code sealedReason} (where the
 * reader finds it unsealed), and stay stored as they are, which the audit chain requires.
 */
@Revision("2")
public record InvestigationExtended(String caseId, String district, Instant occurredAt, LocalDate previousDueDate,
                                    LocalDate newDueDate, String sealedReason) implements CaseEvent {
}
