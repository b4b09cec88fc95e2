package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The family's one answer to one offer: consent (by whom) or a decline (why). */
public record RecordFamilyResponse(@TargetAggregateIdentifier String caseId, String offerId, Instant respondedAt, boolean accepted, ConsentBy consentBy, DeclineReason declineReason, @TargetAggregateVersion Long expectedVersion) {
}
