package se.tidigt.query.stats.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Callaway &amp; Sant'Anna's group-time average treatment effects for staggered adoption, with
 * not-yet-treated units as the comparison and g − 1 as every group's base period
 * (docs/statistics.md, section "Rollout effect"). A plain two-way fixed-effects regression would
 * compare early adopters with late ones after both were treated, and is biased when effects grow
 * over time; this estimator only ever compares a group with units not treated at either time.
 *
 * <p>A panel: unit → period → value (periods are consecutive integers, e.g. months); each unit's
 * adoption period, or none for never treated. A unit's periods in an earlier, ended spell of the
 * treatment must already be removed by the caller.
 */
public final class StaggeredAdoption {
    private final Map<String, Map<Integer, Double>> outcomes;
    private final Map<String, Integer> adoption;

    public StaggeredAdoption(Map<String, Map<Integer, Double>> outcomes, Map<String, Integer> adoption) {
        this.outcomes = outcomes;
        this.adoption = adoption;
    }

    /** One cell: the effect in group g at period t, and how many units stand behind it. */
    public record GroupTime(int group, int period, double att, int treated, int comparison) {
        public int eventTime() {
            return period - group;
        }
    }

    /** ATT(g,t) for every adoption group and every period where treated and comparison units have data. */
    public List<GroupTime> groupTimeEffects() {
        List<GroupTime> cells = new ArrayList<>();
        TreeSet<Integer> groups = new TreeSet<>(adoption.values());
        TreeSet<Integer> periods = new TreeSet<>();
        outcomes.values().forEach(series -> periods.addAll(series.keySet()));
        for (int g : groups) {
            for (int t : periods) {
                if (t != g - 1) {
                    cell(g, t).ifPresent(cells::add);
                }
            }
        }
        return cells;
    }

    private java.util.Optional<GroupTime> cell(int g, int t) {
        int base = g - 1;
        List<Double> treated = new ArrayList<>();
        List<Double> comparison = new ArrayList<>();
        outcomes.forEach((unit, series) -> {
            if (!series.containsKey(t) || !series.containsKey(base)) {
                return;
            }
            double change = series.get(t) - series.get(base);
            Integer adopted = adoption.get(unit);
            if (adopted != null && adopted == g) {
                treated.add(change);
            } else if (adopted == null || adopted > Math.max(t, base)) {
                comparison.add(change);
            }
        });
        if (treated.isEmpty() || comparison.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GroupTime(g, t, mean(treated) - mean(comparison), treated.size(), comparison.size()));
    }

    /** The overall effect: ATT(g,t) over post-adoption cells (t ≥ g), weighted by the number of treated units. */
    public static Double aggregate(List<GroupTime> cells) {
        double sum = 0;
        int weight = 0;
        for (GroupTime cell : cells) {
            if (cell.period() >= cell.group()) {
                sum += cell.att() * cell.treated();
                weight += cell.treated();
            }
        }
        return weight == 0 ? null : sum / weight;
    }

    /** The effect by periods since adoption (negative: before it, as a check of parallel trends). */
    public static Map<Integer, Double> eventStudy(List<GroupTime> cells) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (GroupTime cell : cells) {
            double[] s = sums.computeIfAbsent(cell.eventTime(), e -> new double[2]);
            s[0] += cell.att() * cell.treated();
            s[1] += cell.treated();
        }
        Map<Integer, Double> study = new TreeMap<>();
        sums.forEach((e, s) -> study.put(e, s[0] / s[1]));
        return study;
    }

    /**
     * A 95 % interval for the overall effect by a cluster bootstrap: units (districts) drawn with
     * replacement, the estimate recomputed, the 2.5th and 97.5th percentiles (nearest rank) taken.
     * Seeded, so the same data and seed give the same interval. Null when too few draws succeed.
     */
    public double[] bootstrapInterval(int replicates, long seed) {
        Random random = new Random(seed);
        List<String> units = new ArrayList<>(new TreeSet<>(outcomes.keySet()));
        List<Double> estimates = new ArrayList<>();
        for (int b = 0; b < replicates; b++) {
            Map<String, Map<Integer, Double>> drawnOutcomes = new HashMap<>();
            Map<String, Integer> drawnAdoption = new HashMap<>();
            for (int i = 0; i < units.size(); i++) {
                String unit = units.get(random.nextInt(units.size()));
                String copy = unit + "#" + i;
                drawnOutcomes.put(copy, outcomes.get(unit));
                if (adoption.containsKey(unit)) {
                    drawnAdoption.put(copy, adoption.get(unit));
                }
            }
            Double estimate = aggregate(new StaggeredAdoption(drawnOutcomes, drawnAdoption).groupTimeEffects());
            if (estimate != null) {
                estimates.add(estimate);
            }
        }
        if (estimates.size() < replicates / 2) {
            return null;
        }
        estimates.sort(Double::compare);
        return new double[]{nearestRank(estimates, 0.025), nearestRank(estimates, 0.975)};
    }

    private static double nearestRank(List<Double> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }
}
