package se.tidigt.query.stats.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Callaway &amp; Sant'Anna's group-time average treatment effects for staggered adoption, with
 * not-yet-treated units as the comparison (docs/statistics.md, section "Rollout effect"). A plain
 * two-way fixed-effects regression would compare early adopters with late ones after both were
 * treated, and is biased when effects grow over time; this estimator only ever compares a group with
 * units not treated at either time.
 *
 * <p>A panel: unit → period → value (periods are consecutive integers, e.g. months; missing periods
 * are simply absent); each treated unit's first fully treated period g and its base period b (the
 * last observed untreated period, g − 1 unless that is missing). Units sharing g and b form a cohort.
 * Periods the caller cannot classify (a month adopted part-way, months after a suspension, incomplete
 * months) must already be absent from the panel.
 */
public final class StaggeredAdoption {
    private final Map<String, Map<Integer, Double>> outcomes;
    private final Map<String, Integer> adoption;
    private final Map<String, Integer> base;

    /** Every treated unit with base period g − 1. */
    public StaggeredAdoption(Map<String, Map<Integer, Double>> outcomes, Map<String, Integer> adoption) {
        this(outcomes, adoption, defaultBases(adoption));
    }

    public StaggeredAdoption(Map<String, Map<Integer, Double>> outcomes, Map<String, Integer> adoption,
                             Map<String, Integer> base) {
        this.outcomes = outcomes;
        this.adoption = adoption;
        this.base = base;
    }

    private static Map<String, Integer> defaultBases(Map<String, Integer> adoption) {
        Map<String, Integer> bases = new HashMap<>();
        adoption.forEach((unit, g) -> bases.put(unit, g - 1));
        return bases;
    }

    /** One cell: the effect in cohort (g, base) at period t, and how many units stand behind it. */
    public record GroupTime(int group, int base, int period, double att, int treated, int comparison) {
        public int eventTime() {
            return period - group;
        }

        public boolean post() {
            return period >= group;
        }

        /** A placebo cell: a period before the base, where the effect should be zero if trends are parallel. */
        public boolean pre() {
            return period < base;
        }

        String key() {
            return group + "|" + base + "|" + period;
        }
    }

    /** ATT(g,t) for every cohort and every period where treated and comparison units have data. */
    public List<GroupTime> groupTimeEffects() {
        List<GroupTime> cells = new ArrayList<>();
        TreeSet<String> cohorts = new TreeSet<>();
        adoption.forEach((unit, g) -> {
            if (base.containsKey(unit)) {
                cohorts.add(g + "|" + base.get(unit));
            }
        });
        TreeSet<Integer> periods = new TreeSet<>();
        outcomes.values().forEach(series -> periods.addAll(series.keySet()));
        for (String cohort : cohorts) {
            int g = Integer.parseInt(cohort.substring(0, cohort.indexOf('|')));
            int b = Integer.parseInt(cohort.substring(cohort.indexOf('|') + 1));
            for (int t : periods) {
                if (t != b) {
                    cell(g, b, t).ifPresent(cells::add);
                }
            }
        }
        return cells;
    }

    private Optional<GroupTime> cell(int g, int b, int t) {
        List<Double> treated = new ArrayList<>();
        List<Double> comparison = new ArrayList<>();
        outcomes.forEach((unit, series) -> {
            if (!series.containsKey(t) || !series.containsKey(b)) {
                return;
            }
            double change = series.get(t) - series.get(b);
            Integer adopted = adoption.get(unit);
            if (adopted != null && adopted == g && Integer.valueOf(b).equals(base.get(unit))) {
                treated.add(change);
            } else if (adopted == null || adopted > Math.max(t, b)) {
                comparison.add(change);
            }
        });
        if (treated.isEmpty() || comparison.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GroupTime(g, b, t, mean(treated) - mean(comparison), treated.size(), comparison.size()));
    }

    /** The simple aggregate: ATT(g,t) over post-adoption cells (t ≥ g), weighted by the number of treated units. */
    public static Double aggregate(List<GroupTime> cells) {
        double sum = 0;
        int weight = 0;
        for (GroupTime cell : cells) {
            if (cell.post()) {
                sum += cell.att() * cell.treated();
                weight += cell.treated();
            }
        }
        return weight == 0 ? null : sum / weight;
    }

    /**
     * The group aggregate θ_sel of Callaway &amp; Sant'Anna: each cohort's mean effect over its post
     * periods, averaged over cohorts weighted by their size (so a cohort observed longer does not weigh more).
     */
    public static Double groupAggregate(List<GroupTime> cells) {
        Map<String, double[]> byCohort = new TreeMap<>();
        for (GroupTime cell : cells) {
            if (cell.post()) {
                double[] s = byCohort.computeIfAbsent(cell.group() + "|" + cell.base(), k -> new double[3]);
                s[0] += cell.att();
                s[1]++;
                s[2] = Math.max(s[2], cell.treated());
            }
        }
        double sum = 0;
        double weight = 0;
        for (double[] s : byCohort.values()) {
            sum += s[2] * s[0] / s[1];
            weight += s[2];
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

    /** Every estimate of one panel, by name: the aggregates, each cell, each event time. */
    Map<String, Double> estimates() {
        List<GroupTime> cells = groupTimeEffects();
        Map<String, Double> all = new HashMap<>();
        Double simple = aggregate(cells);
        Double group = groupAggregate(cells);
        if (simple != null) {
            all.put("simple", simple);
        }
        if (group != null) {
            all.put("group", group);
        }
        cells.forEach(c -> all.put("cell:" + c.key(), c.att()));
        eventStudy(cells).forEach((e, att) -> all.put("event:" + e, att));
        return all;
    }

    /**
     * A cluster bootstrap: units (districts) drawn with replacement, every estimate recomputed.
     * Seeded, so the same data and seed give the same draws.
     */
    public Bootstrap bootstrap(int replicates, long seed) {
        return Bootstrap.draw(outcomes, adoption, base, replicates, seed);
    }

    /** A 95 % interval for the simple aggregate (kept for callers that need only that). */
    public double[] bootstrapInterval(int replicates, long seed) {
        return bootstrap(replicates, seed).interval("simple");
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }
}
