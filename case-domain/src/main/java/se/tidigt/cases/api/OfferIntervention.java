package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Offers the family an intervention; the offer id is chosen by the caller. */
public record OfferIntervention(@TargetAggregateIdentifier String caseId, String offerId, Instant offeredAt, InterventionType interventionType, @TargetAggregateVersion Long expectedVersion) {
}
