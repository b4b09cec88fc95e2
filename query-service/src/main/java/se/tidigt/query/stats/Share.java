package se.tidigt.query.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate: numerator ÷ denominator, the numerator a subset of the denominator's records. Its value and 95 %
 * interval are worked out by the output rules ({@link Resolution}) for the reader, so a rate never reveals
 * more than the rules allow. {@code designEffect} (offers clustered in cases; null: none) widens the interval
 * and is shown beside it; {@code leftOut} (null: none) counts the records left out for right-censoring, published
 * beside the rate under the name {@code leftOutName} ({@code closedTooRecently} for re-referral,
 * {@code followedTooShort} for placement within 24 months).
 */
record Share(Count numerator, Count denominator, Guarded designEffect, Count leftOut, String leftOutName) implements Figure {
    static Share of(Count numerator, Count denominator) {
        return new Share(numerator, denominator, null, null, null);
    }

    /** Accepted of answered offers, clustered in cases. */
    static Share clustered(Count numerator, Count denominator, Guarded designEffect) {
        return new Share(numerator, denominator, designEffect, null, null);
    }

    /** Re-referral: the closed cases followed for a year, with those not yet followed counted apart. */
    static Share followed(Count numerator, Count denominator, Count closedTooRecently) {
        return new Share(numerator, denominator, null, closedTooRecently, "closedTooRecently");
    }

    /** Placement within 24 months: the first concerns followed for two years, with those followed for less counted apart. */
    static Share followedTwoYears(Count numerator, Count denominator, Count followedTooShort) {
        return new Share(numerator, denominator, null, followedTooShort, "followedTooShort");
    }

    @Override
    public Map<String, Count> counts() {
        Map<String, Count> counts = new LinkedHashMap<>();
        counts.put("numerator", numerator);
        counts.put("denominator", denominator);
        if (leftOut != null) {
            counts.put(leftOutName, leftOut);
        }
        return counts;
    }

    @Override
    public Share plus(Figure other) {
        Share b = (Share) other;
        return new Share(numerator.plus(b.numerator), denominator.plus(b.denominator), designEffect,
                leftOut == null ? null : leftOut.plus(b.leftOut), leftOutName);
    }
}
