package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

import java.time.LocalDate;

/** Moves the investigation's due date for a special reason (SoL: särskilda skäl). */
public record ExtendInvestigation(@TargetAggregateIdentifier String caseId, Instant extendedAt, LocalDate newDueDate, String reason, @TargetAggregateVersion Long expectedVersion) {
}
