package se.tidigt.query.stats.effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Randomisation inference over the order of adoption (Fisher; for staggered adoption Roth &amp;
 * Sant'Anna 2023): the estimate is recomputed under re-drawn adoption orders — the plan's own draws
 * where a seeded stepped-wedge plan drew the order, else the observed adoption months permuted among
 * the districts (as if the order had been random). The test of a constant effect τ uses outcomes
 * Y − τ·D, whose estimate is exactly metric − τ·exposure ({@link StaggeredAdoption}), so one pass of
 * draws serves every τ: the 95 % interval is every τ the test does not reject (test inversion). The
 * pre-trend and anticipation tests use the same draws with τ at the estimate. Exact in finite
 * samples when the order was randomised, whatever the number of districts.
 */
final class RandomisationInference {
    static final double ALPHA = 0.05;
    static boolean EQUAL_TAILED = false;
    private static final int GRID = 2_000;

    /** The observed estimate and the draws: {metric, exposure} of the aggregate, pre cells, anticipation cells. */
    private final StaggeredAdoption.Result observed;
    /** Per usable draw: the aggregate {metric, exposure}; the placebo cells {weight, metric, exposure}; anticipation. */
    private final List<double[]> aggregates = new ArrayList<>();
    private final List<double[][]> placebos = new ArrayList<>();
    private final List<double[]> anticipations = new ArrayList<>();

    RandomisationInference(StaggeredAdoption estimator, Map<String, Integer> adoption, Supplier<Map<String, Integer>> redraw,
                           int replicates) {
        this.observed = estimator.estimate(adoption);
        for (int r = 0; r < replicates; r++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("randomisation inference cancelled");
            }
            StaggeredAdoption.Result draw = estimator.estimate(redraw.get(), false);
            double[] aggregate = draw.aggregate();
            if (aggregate != null) {
                aggregates.add(aggregate);
            }
            List<StaggeredAdoption.Cell> pre = draw.used(StaggeredAdoption.Kind.PRE);
            if (!pre.isEmpty()) {
                placebos.add(pre.stream().map(c -> new double[]{c.weight(), c.att(), c.exposure()}).toArray(double[][]::new));
            }
            double[] anticipation = draw.anticipation();
            if (anticipation != null) {
                anticipations.add(anticipation);
            }
        }
    }

    StaggeredAdoption.Result observed() {
        return observed;
    }

    int usableDraws() {
        return aggregates.size();
    }

    /** The two-sided p-value of a constant effect τ on the aggregate. */
    Double pValue(double tau) {
        double[] a = observed.aggregate();
        if (a == null) {
            return null;
        }
        if (aggregates.isEmpty()) {
            return null;
        }
        double t0 = a[0] - tau * a[1];
        if (EQUAL_TAILED) {
            int above = 0;
            int below = 0;
            for (double[] d : aggregates) {
                double t = d[0] - tau * d[1];
                above += t >= t0 - 1e-12 ? 1 : 0;
                below += t <= t0 + 1e-12 ? 1 : 0;
            }
            return Math.min(1, 2 * (1.0 + Math.min(above, below)) / (1.0 + aggregates.size()));
        }
        int extreme = 0;
        for (double[] d : aggregates) {
            if (Math.abs(d[0] - tau * d[1]) >= Math.abs(t0) - 1e-12) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (1.0 + aggregates.size());
    }

    /** Every τ not rejected at 5 %, as {low, high}; null when the draws cannot bound it. */
    double[] interval() {
        double[] a = observed.aggregate();
        if (a == null || usableDraws() < 19) {
            return null;
        }
        double spread = 0;
        for (double[] d : aggregates) {
            spread = Math.max(spread, Math.abs(d[0] - a[0] * d[1]));
        }
        double half = Math.max(4 * spread, 0.05 + Math.abs(a[0]));
        for (int attempt = 0; attempt < 4; attempt++, half *= 2) {
            double low = Double.NaN;
            double high = Double.NaN;
            for (int i = 0; i <= GRID; i++) {
                double tau = a[0] - half + 2 * half * i / GRID;
                if (pValue(tau) > ALPHA) {
                    low = Double.isNaN(low) ? tau : low;
                    high = tau;
                }
            }
            if (Double.isNaN(low)) {
                return null;
            }
            if (low > a[0] - half && high < a[0] + half) {
                return new double[]{low, high};
            }
        }
        return null;
    }

    /** The pre-trend test with τ at the estimate: {statistic, p-value}; null without placebo cells. */
    double[] preTrend() {
        double[] a = observed.aggregate();
        double tau = a == null ? 0 : a[0];
        Double s0 = observed.preTrend(tau);
        if (s0 == null) {
            return null;
        }
        int extreme = 0;
        for (double[][] cells : placebos) {
            double sum = 0;
            double weight = 0;
            for (double[] c : cells) {
                double v = c[1] - tau * c[2];
                sum += c[0] * v * v;
                weight += c[0];
            }
            if (sum / weight >= s0 - 1e-15) {
                extreme++;
            }
        }
        return placebos.isEmpty() ? null : new double[]{s0, (1.0 + extreme) / (1.0 + placebos.size())};
    }

    /** The months just before adoption against the base, with τ at the estimate: {effect, p-value}; null if none. */
    double[] anticipation() {
        double[] a = observed.aggregate();
        double tau = a == null ? 0 : a[0];
        double[] m0 = observed.anticipation();
        if (m0 == null) {
            return null;
        }
        double t0 = Math.abs(m0[0] - tau * m0[1]);
        int extreme = 0;
        for (double[] m : anticipations) {
            if (Math.abs(m[0] - tau * m[1]) >= t0 - 1e-12) {
                extreme++;
            }
        }
        return anticipations.isEmpty() ? null : new double[]{m0[0] - tau * m0[1], (1.0 + extreme) / (1.0 + anticipations.size())};
    }
}
