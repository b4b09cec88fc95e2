package se.tidigt.query.stats;

import se.tidigt.cases.api.Deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The small formulas of docs/statistics.md: Wilson intervals, nearest-rank percentiles, days between. */
public final class Stats {
    public static final ZoneId ZONE = Deadlines.ZONE;
    /** The 97.5th percentile of the standard normal distribution, for 95 % intervals. */
    static final double Z95 = 1.959963984540054;

    private Stats() {
    }

    /** Wilson score interval for k successes in n trials: {low, high}; null when n = 0. */
    public static double[] wilson(long k, long n) {
        return wilson((double) k, (double) n);
    }

    /** The same for an effective sample (a count divided by a design effect), which need not be whole. */
    public static double[] wilson(double k, double n) {
        if (n == 0) {
            return null;
        }
        double p = k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Nearest-rank percentile: the smallest value with at least q of the values at or below it. */
    public static Double percentile(List<? extends Number> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values.stream().map(Number::doubleValue).toList());
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** Whole calendar days (Stockholm) from one instant to another. */
    public static long days(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(date(from), date(to));
    }

    public static LocalDate date(Instant instant) {
        return Deadlines.localDate(instant);
    }

    /** Rates and effects are given to four decimals. */
    public static Double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
