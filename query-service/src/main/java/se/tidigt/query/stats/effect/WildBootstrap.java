package se.tidigt.query.stats.effect;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * The wild cluster bootstrap with Webb's six-point weights (Webb 2023; MacKinnon &amp; Webb 2018 for
 * few clusters): each district's residual in every estimate is multiplied by one weight drawn per
 * district and replicate, so estimates sharing districts keep their covariance. Used for the detail
 * (cells, event times, cohorts, districts); the headline interval comes from randomisation inference.
 */
final class WildBootstrap {
    private static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    private final List<String> units;
    private final double[][] weights;

    WildBootstrap(List<String> units, int replicates, long seed) {
        this.units = List.copyOf(units);
        SplittableRandom random = new SplittableRandom(seed);
        this.weights = new double[replicates][units.size()];
        for (double[] row : weights) {
            for (int i = 0; i < row.length; i++) {
                row[i] = WEBB[random.nextInt(WEBB.length)];
            }
        }
    }

    /** The 95 % interval of an estimate with these per-district residual weights: estimate − the deviations' quantiles. */
    double[] interval(double estimate, Map<String, Double> residuals) {
        if (residuals.isEmpty()) {
            return null;
        }
        double[] r = new double[units.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = residuals.getOrDefault(units.get(i), 0.0);
        }
        double[] deviations = new double[weights.length];
        for (int b = 0; b < weights.length; b++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("wild bootstrap cancelled");
            }
            double d = 0;
            for (int i = 0; i < r.length; i++) {
                d += weights[b][i] * r[i];
            }
            deviations[b] = d;
        }
        Arrays.sort(deviations);
        return new double[]{estimate - quantile(deviations, 0.975), estimate - quantile(deviations, 0.025)};
    }

    private static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
