package se.tidigt.query.stats.effect;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * The wild cluster bootstrap with Webb's six-point weights (Webb 2023; MacKinnon &amp; Webb 2018 for few
 * clusters): each source of noise (a district, or a district's own window) has one weight per replicate, drawn
 * from the seed and its name, that multiplies its residual in every estimate, so estimates sharing districts
 * keep their covariance. Its variance is read against Student's t: with a few districts the bootstrap's own
 * percentiles are too narrow (a handful of weights on a handful of residuals). Used for the detail (cells,
 * event times, cohorts, districts); the headline interval comes from randomisation inference.
 */
final class WildBootstrap {
    private static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    private final int replicates;
    private final long seed;
    private final Map<String, double[]> weights = new HashMap<>();

    WildBootstrap(int replicates, long seed) {
        this.replicates = replicates;
        this.seed = seed;
    }

    /** The weights of one source of noise, the same for every estimate of this bootstrap. */
    private synchronized double[] weights(String source) {
        return weights.computeIfAbsent(source, s -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + s.hashCode());
            double[] row = new double[replicates];
            for (int b = 0; b < replicates; b++) {
                row[b] = WEBB[random.nextInt(WEBB.length)];
            }
            return row;
        });
    }

    /**
     * The 95 % interval estimate ± t(0.975, df) × the bootstrap's standard error of an estimate with these
     * residuals by source of noise; {@code degreesOfFreedom}: of the spread the residuals were read from. Null
     * without residuals or degrees of freedom.
     */
    double[] interval(double estimate, Map<String, Double> residuals, int degreesOfFreedom) {
        if (residuals.isEmpty() || degreesOfFreedom < 1) {
            return null;
        }
        double[] deviations = new double[replicates];
        residuals.forEach((source, r) -> {
            double[] w = weights(source);
            for (int b = 0; b < replicates; b++) {
                deviations[b] += w[b] * r;
            }
        });
        double sumOfSquares = 0;
        for (double d : deviations) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("wild bootstrap cancelled");
            }
            sumOfSquares += d * d;
        }
        double half = new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.975) * Math.sqrt(sumOfSquares / replicates);
        return new double[]{estimate - half, estimate + half};
    }
}
