package se.tidigt.query.stats.effect;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bootstrap draws of every estimate: percentile intervals, and the covariance for a joint Wald test. */
public final class Bootstrap {
    private final List<Map<String, Double>> draws;

    Bootstrap(List<Map<String, Double>> draws) {
        this.draws = draws;
    }

    /** Units (districts) drawn with replacement, a unit drawn twice counted twice; every estimate recomputed. */
    static Bootstrap draw(Map<String, Map<Integer, Double>> outcomes, Map<String, Integer> adoption,
                          Map<String, Integer> base, int replicates, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<String> units = new ArrayList<>(new java.util.TreeSet<>(outcomes.keySet()));
        List<Map<String, Double>> draws = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            Map<String, Map<Integer, Double>> drawnOutcomes = new java.util.HashMap<>();
            Map<String, Integer> drawnAdoption = new java.util.HashMap<>();
            Map<String, Integer> drawnBase = new java.util.HashMap<>();
            for (int i = 0; i < units.size(); i++) {
                String unit = units.get(random.nextInt(units.size()));
                String copy = unit + "#" + i;
                drawnOutcomes.put(copy, outcomes.get(unit));
                if (adoption.containsKey(unit)) {
                    drawnAdoption.put(copy, adoption.get(unit));
                }
                if (base.containsKey(unit)) {
                    drawnBase.put(copy, base.get(unit));
                }
            }
            draws.add(new StaggeredAdoption(drawnOutcomes, drawnAdoption, drawnBase).estimates());
        }
        return new Bootstrap(draws);
    }

    /**
     * The 2.5th and 97.5th nearest-rank percentiles of an estimate over the draws in which it could be
     * computed; null when fewer than half of the draws could.
     */
    public double[] interval(String estimate) {
        List<Double> values = new ArrayList<>();
        draws.forEach(draw -> {
            if (draw.containsKey(estimate)) {
                values.add(draw.get(estimate));
            }
        });
        if (values.isEmpty() || values.size() < draws.size() / 2) {
            return null;
        }
        values.sort(Double::compare);
        return new double[]{nearestRank(values, 0.025), nearestRank(values, 0.975)};
    }

    /**
     * A joint Wald test that every named estimate is zero: W = θ' Σ⁻¹ θ with Σ the bootstrap covariance
     * (over the draws where all of them could be computed), referred to χ² with as many degrees of
     * freedom as estimates. {statistic, degrees of freedom, p-value}; null when it cannot be computed.
     */
    public double[] waldTest(List<String> names, Map<String, Double> estimates) {
        List<double[]> complete = new ArrayList<>();
        for (Map<String, Double> draw : draws) {
            if (names.stream().allMatch(draw::containsKey)) {
                complete.add(names.stream().mapToDouble(draw::get).toArray());
            }
        }
        int k = names.size();
        if (k == 0 || complete.size() < Math.max(2 * k, draws.size() / 2)) {
            return null;
        }
        double[] means = new double[k];
        complete.forEach(row -> {
            for (int i = 0; i < k; i++) {
                means[i] += row[i] / complete.size();
            }
        });
        double[][] covariance = new double[k][k];
        for (double[] row : complete) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    covariance[i][j] += (row[i] - means[i]) * (row[j] - means[j]) / (complete.size() - 1);
                }
            }
        }
        RealMatrix sigma = new Array2DRowRealMatrix(covariance);
        LUDecomposition lu = new LUDecomposition(sigma);
        if (Math.abs(lu.getDeterminant()) < 1e-300 || !lu.getSolver().isNonSingular()) {
            return null;
        }
        RealVector theta = new ArrayRealVector(names.stream().mapToDouble(estimates::get).toArray());
        double statistic = theta.dotProduct(lu.getSolver().getInverse().operate(theta));
        double p = 1 - new ChiSquaredDistribution(k).cumulativeProbability(statistic);
        return new double[]{statistic, k, p};
    }

    private static double nearestRank(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
