package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * A report of concern (orosanmälan) opens a case. The gateway has already turned the child's
 * personal identity number into {@link Child} and resolved the work model in force.
 */
public record RaiseConcern(@TargetAggregateIdentifier String caseId, String district, Instant receivedAt, ReporterCategory reporter,
                           Set<ConcernKind> concerns, Child child, String workModel) {
}
