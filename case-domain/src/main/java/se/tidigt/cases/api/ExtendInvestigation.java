package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

import java.time.LocalDate;

/**
 * Moves the investigation's due date for a special reason (SoL: särskilda skäl). The reason is what a
 * worker typed about the family, so it arrives sealed with the case's key ({@code sealedReason}):
 * the domain requires it and stores it, but never reads it.
 */
public record ExtendInvestigation(@TargetAggregateIdentifier String caseId, Instant extendedAt, LocalDate newDueDate,
                                  String sealedReason, @TargetAggregateVersion Long expectedVersion) {
}
