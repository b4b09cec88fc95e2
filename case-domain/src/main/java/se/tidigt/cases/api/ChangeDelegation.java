package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Sets the district's delegation from a date on; {@code delegationId} is {@link #idOf} the district. */
public record ChangeDelegation(@TargetAggregateIdentifier String delegationId, String district, LocalDate effectiveFrom,
                               Delegation delegation, @TargetAggregateVersion Long expectedVersion) {
    public static ChangeDelegation of(String district, LocalDate effectiveFrom, Delegation delegation, Long expectedVersion) {
        return new ChangeDelegation(idOf(district), district, effectiveFrom, delegation, expectedVersion);
    }

    /** The stream of a district's delegation (apart from the district's rollout stream, which is named by its code). */
    public static String idOf(String district) {
        return "delegation:" + district;
    }
}
