package se.tidigt.rollout.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Money for the rollout: from a source (e.g. the social investment fund), in whole SEK, for a period. */
public record GrantFunding(@TargetAggregateIdentifier String district, String source, long amountSek, LocalDate from,
                           LocalDate to, @TargetAggregateVersion Long expectedVersion) {
}
