package se.tidigt.rollout.api;

import java.time.LocalDate;

/** Funding was granted for a period; it takes effect from its first day. */
public record FundingGranted(String district, String source, long amountSek, LocalDate from, LocalDate to)
        implements DistrictRolloutEvent {

    @Override
    public LocalDate effectiveFrom() {
        return from;
    }
}
