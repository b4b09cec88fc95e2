package se.tidigt.rollout.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Funding was granted for a period; it takes effect from its first day. */
@Revision("1")
public record FundingGranted(String district, String source, long amountSek, LocalDate from, LocalDate to)
        implements DistrictRolloutEvent {

    @Override
    public LocalDate effectiveFrom() {
        return from;
    }
}
