package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.Stats;
import se.tidigt.rollout.api.WaveAssignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * The power of a rollout plan, by simulation with the platform's own estimator and output rules: the
 * plan's districts are simulated month by month (each with Poisson answers around its answers per
 * month, its acceptance rate, a common monthly shock, binomial acceptance), the simple aggregate
 * estimated on the exact counts as /stats/rollout-effect does (windows, base year, withheld cells),
 * first with no effect (to find the critical value of a two-sided 5 % test: the 95th percentile of
 * |ATT|), then with the target effect on the same random numbers. Power: the share of simulations
 * whose |ATT| exceeds the critical value. Minimum detectable effect: the smallest effect detected in
 * 80 % of the no-effect simulations shifted by it. Seeded by the plan's seed: the same plan, the same answer.
 */
public final class PlanPower {
    static final double ALPHA = 0.05;
    static final double TARGET_POWER = 0.8;
    /** Sd of the month-to-month shock common to all districts (a city-wide change in acceptance). */
    static final double MONTHLY_SHOCK = 0.02;

    /** One district's volume and rate, and where they come from. */
    public record Volume(double answersPerMonth, double acceptanceRate, String source) {
    }

    /** The plan to simulate. */
    public record Plan(List<WaveAssignment> schedule, int monthsPerWave, int monthsBefore, Map<String, Volume> volumes,
                       Double targetEffect, int simulations, long seed) {
    }

    private PlanPower() {
    }

    public static ObjectNode simulate(Plan plan) {
        Map<String, Integer> adoption = new TreeMap<>();
        plan.schedule().forEach(a -> adoption.put(a.district(), Panel.index(Exposure.firstFullMonth(a.start()))));
        int first = adoption.values().stream().min(Integer::compare).orElseThrow() - plan.monthsBefore();
        int last = adoption.values().stream().max(Integer::compare).orElseThrow() + plan.monthsPerWave() - 1;
        Random seeds = new Random(plan.seed());
        List<Double> nulls = new ArrayList<>();
        List<Double> alternatives = new ArrayList<>();
        for (int r = 0; r < plan.simulations(); r++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("power simulation cancelled");
            }
            long seed = seeds.nextLong();
            Double none = estimate(plan, adoption, first, last, 0, seed);
            if (none != null) {
                nulls.add(none);
            }
            if (plan.targetEffect() != null) {
                Double effect = estimate(plan, adoption, first, last, plan.targetEffect(), seed);
                if (effect != null) {
                    alternatives.add(effect);
                }
            }
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (nulls.size() < plan.simulations() / 2) {
            node.putNull("power").putNull("minimumDetectableEffect");
            node.put("reason", "the plan leaves no comparison: every wave needs districts not yet treated");
            return node;
        }
        List<Double> absolute = new ArrayList<>(nulls.stream().map(Math::abs).sorted().toList());
        double critical = absolute.get((int) Math.ceil((1 - ALPHA) * absolute.size()) - 1);
        Double power = plan.targetEffect() == null ? null
                : (double) alternatives.stream().filter(a -> Math.abs(a) > critical).count() / plan.simulations();
        node.put("power", power == null ? null : Stats.round(power));
        node.put("minimumDetectableEffect", minimumDetectable(nulls, critical));
        node.put("criticalValue", Stats.round(critical));
        node.put("simulations", plan.simulations()).put("seed", plan.seed()).put("alpha", ALPHA).put("targetPower", TARGET_POWER);
        node.put("months", Panel.label(first) + " to " + Panel.label(last));
        return node;
    }

    /** The smallest effect (in steps of 0.0025) that the shifted no-effect estimates exceed in 80 % of simulations. */
    private static Double minimumDetectable(List<Double> nulls, double critical) {
        for (int step = 1; step <= 400; step++) {
            double effect = step * 0.0025;
            long detected = nulls.stream().filter(e -> Math.abs(e + effect) > critical).count();
            if (detected >= TARGET_POWER * nulls.size()) {
                return Stats.round(effect);
            }
        }
        return null;
    }

    private static Double estimate(Plan plan, Map<String, Integer> adoption, int first, int last, double effect, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] shock = new double[last - first + 1];
        for (int t = 0; t < shock.length; t++) {
            shock[t] = MONTHLY_SHOCK * gaussian(random);
        }
        Map<String, double[][]> counts = new HashMap<>();
        adoption.forEach((district, g) -> {
            Volume volume = plan.volumes().get(district);
            double[][] prefix = new double[3][last - first + 2];
            for (int t = first; t <= last; t++) {
                int n = poisson(random, volume.answersPerMonth());
                double p = Math.min(0.99, Math.max(0.01, volume.acceptanceRate() + shock[t - first] + (t >= g ? effect : 0)));
                int i = t - first;
                prefix[0][i + 1] = prefix[0][i] + binomial(random, n, p);
                prefix[1][i + 1] = prefix[1][i] + n;
                prefix[2][i + 1] = prefix[2][i] + (t >= g ? n : 0);
            }
            counts.put(district, prefix);
        });
        StaggeredAdoption.Counts panel = StaggeredAdoption.Counts.ofRunningSums(counts, first, last);
        double[] aggregate = new StaggeredAdoption(panel, 0).estimate(adoption).aggregate();
        return aggregate == null ? null : aggregate[0];
    }

    /** Answers in a month: Poisson around the district's mean (normal beyond 50). */
    static int poisson(SplittableRandom random, double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static int binomial(SplittableRandom random, int n, double p) {
        if (n > 200) {
            return (int) Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * gaussian(random))));
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** The volumes as the answer shows them. */
    public static ArrayNode describe(Map<String, Volume> volumes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        volumes.forEach((d, v) -> array.addObject().put("district", d).put("answersPerMonth", Stats.round(v.answersPerMonth()))
                .put("acceptanceRate", Stats.round(v.acceptanceRate())).put("source", v.source()));
        return array;
    }

}
