package se.tidigt.query.stats.protection;

import java.util.ArrayList;
import java.util.List;

/**
 * The perturbation table of the cell-key method: for a cell's true count and its cell key (uniform
 * on [0, 2³²)), the count published. The row of a count is a distribution of outcomes; the cell key
 * picks one by its cumulative probability, so the same count with the same key gives the same answer.
 *
 * <ul>
 * <li>0 stays 0 (an empty cell holds nobody).</li>
 * <li>1 … k−1 becomes k with probability count ÷ k, else 0: never published as such, unbiased.</li>
 * <li>k and more: count + d, d in −D … D with weights D+1−|d| (symmetric: unbiased), but never
 * below k (a result under k is published as k; this is the table's only bias, at k … k+D−1).</li>
 * </ul>
 */
public final class PerturbationTable {
    private final int threshold;
    private final int range;

    public PerturbationTable(int threshold, int range) {
        if (threshold < 2 || range < 1) {
            throw new IllegalArgumentException("The threshold must be at least 2 and the noise range at least 1");
        }
        this.threshold = threshold;
        this.range = range;
    }

    public int threshold() {
        return threshold;
    }

    public int range() {
        return range;
    }

    public String id() {
        return "tidigt-ckm-k" + threshold + "-d" + range + "-v1";
    }

    /** The published count for a true count and a cell key in [0, 2³²). */
    public long perturb(long count, long cellKey) {
        if (count == 0) {
            return 0;
        }
        double u = (cellKey + 0.5) / (double) (1L << 32);
        double cumulative = 0;
        List<double[]> row = row(count);
        for (double[] outcome : row) {
            cumulative += outcome[1];
            if (u < cumulative) {
                return (long) outcome[0];
            }
        }
        return (long) row.get(row.size() - 1)[0];
    }

    /** Expected published count minus the true count. */
    public double bias(long count) {
        double mean = 0;
        for (double[] outcome : row(count)) {
            mean += outcome[0] * outcome[1];
        }
        return mean - count;
    }

    /** The outcomes of a count and their probabilities, in a fixed order. */
    List<double[]> row(long count) {
        List<double[]> row = new ArrayList<>();
        if (count < threshold) {
            row.add(new double[]{0, 1 - (double) count / threshold});
            row.add(new double[]{threshold, (double) count / threshold});
            return row;
        }
        double total = (range + 1.0) * (range + 1.0);
        for (int d = -range; d <= range; d++) {
            row.add(new double[]{Math.max(threshold, count + d), (range + 1 - Math.abs(d)) / total});
        }
        return row;
    }
}
