package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the case's personal details (on request, or by weeding); the case's facts stay countable. */
public record ErasePersonalData(@TargetAggregateIdentifier String caseId, ErasureGround ground) {
}
