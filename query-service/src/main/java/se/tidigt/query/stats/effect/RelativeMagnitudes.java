package se.tidigt.query.stats.effect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.tidigt.query.stats.effect.StaggeredAdoption.Cell;

/**
 * Sensitivity to parallel trends by Rambachan &amp; Roth's relative magnitudes, Δ^RM(M̄) (2023, "A more credible
 * approach to parallel trends", Review of Economic Studies 90(5); the HonestDiD package's identified set for
 * Δ^RM). Each cohort's deviation from parallel trends δ is a path over its windows with δ = 0 at its base
 * (the reference). Before adoption δ is identified: the placebo cells. After adoption every step of the path
 * (base → first window, then window to window) may be at most M̄ × the largest step before adoption, D:
 * between the base and the nearest placebo window or between consecutive placebo windows, of any cohort (one
 * city, one restriction). The aggregate θ = Σ l·β over the post cells (l: the estimate's own weights, summing
 * to 1) is then identified up to θ − Σ l·δ for δ in the restriction. The linear programme max (min) Σ l·δ
 * subject to |δ_k − δ_(k−1)| ≤ M̄·D, δ_(−1) = 0, with every l ≥ 0, is solved by the path that climbs (falls) by
 * M̄·D at every step: δ_k = ±(k + 1)·M̄·D, so the identified set is θ ± M̄·D·Σ l·(k + 1), k the window's index
 * since adoption. The interval adds this bias range to the effect's 95 % interval.
 */
final class RelativeMagnitudes {
    private final double largestPreStep;
    /** Σ l·(k + 1): the steps from the base to each post window, weighted as the estimate weighs its cells. */
    private final double weightedSteps;

    RelativeMagnitudes(double largestPreStep, double weightedSteps) {
        this.largestPreStep = largestPreStep;
        this.weightedSteps = weightedSteps;
    }

    /** From the estimate's cells: the placebo cells give D, the post cells their weights and windows since adoption. */
    static RelativeMagnitudes of(List<Cell> pre, List<Cell> post) {
        Map<Integer, List<Cell>> byCohort = new TreeMap<>();
        pre.forEach(c -> byCohort.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        List<List<Double>> paths = new ArrayList<>();
        byCohort.values().forEach(cells -> paths.add(cells.stream()
                .sorted(Comparator.comparingInt(Cell::from).reversed()).map(Cell::att).toList()));
        double total = post.stream().mapToDouble(Cell::weight).sum();
        double steps = 0;
        for (Cell c : post) {
            steps += c.weight() / total * (c.eventTime() / Math.max(1, c.months()) + 1);
        }
        return new RelativeMagnitudes(largestStep(paths), steps);
    }

    /**
     * The largest step of the identified paths before adoption; each path lists a cohort's placebo deviations
     * from the base outwards (nearest window first). NaN: no placebo window.
     */
    static double largestStep(List<List<Double>> paths) {
        double largest = Double.NaN;
        for (List<Double> path : paths) {
            double previous = 0; // the base: the reference, deviation 0
            for (double deviation : path) {
                double step = Math.abs(deviation - previous);
                largest = Double.isNaN(largest) ? step : Math.max(largest, step);
                previous = deviation;
            }
        }
        return largest;
    }

    /** Whether there is a pre-adoption step to scale (at least one placebo window). */
    boolean available() {
        return !Double.isNaN(largestPreStep);
    }

    /** The largest bias Σ l·δ the restriction allows with this M̄ (the set is symmetric: −bias … +bias). */
    double bias(double mBar) {
        return mBar * largestPreStep * weightedSteps;
    }

    /** The identified set of θ under Δ^RM(M̄): {θ − bias, θ + bias}. */
    double[] identifiedSet(double theta, double mBar) {
        return new double[]{theta - bias(mBar), theta + bias(mBar)};
    }

    /** The effect's interval [low, high] widened by every bias the restriction allows: for M̄ = 0, the interval itself. */
    double[] interval(double low, double high, double mBar) {
        return new double[]{low - bias(mBar), high + bias(mBar)};
    }
}
