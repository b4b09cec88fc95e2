package se.tidigt.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/**
 * Counts support a district gave without an investigation, sometimes without recording identity,
 * so it shows in the statistics beside individual cases. Adds to the month's count for that kind.
 */
public record RecordOpenAccessSupport(String district, YearMonth month, OpenAccessKind kind, int count) {

    /** One tally per district, month and kind. */
    @TargetAggregateIdentifier
    public String tallyId() {
        return tallyId(district, month, kind);
    }

    public static String tallyId(String district, YearMonth month, OpenAccessKind kind) {
        return "open-access:" + district + ":" + month + ":" + kind;
    }
}
