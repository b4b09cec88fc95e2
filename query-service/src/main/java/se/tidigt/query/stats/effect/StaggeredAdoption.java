package se.tidigt.query.stats.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Callaway &amp; Sant'Anna's group-time average treatment effects for staggered adoption, on exact
 * monthly counts pooled into windows (docs/statistics.md, "Rollout effect"). A cohort is the
 * districts whose model is first in force for a whole month g. Each cohort is compared, window by
 * window after g, with the districts not yet treated (nor anticipating) by the window's end and the
 * never-treated; each district's change is its rate in the window minus its rate over a base of
 * {@link #BASE_MONTHS} months before g − anticipation. Windows are {@link #WINDOW_MONTHS quarters},
 * widened to half-years or years for a cohort whose quarters rest on fewer than {@link #MIN_ANSWERS}
 * answers, so a small cohort is pooled rather than dropped.
 *
 * <p>Output rules for analytical results: a cell contributes (and is published) only when the cohort
 * has at least {@link #MIN_ANSWERS} answers in the window and in its base and there are at least
 * {@link #MIN_COMPARISON} comparison districts; otherwise it is withheld with the reason.
 *
 * <p>Every cell is a difference of district means, so it is linear in the districts' window values.
 * The estimator computes each cell on two channels at once: the metric, and the share of the window's
 * answers given under the model ("exposure"). Randomisation inference uses the second to test a
 * constant effect τ: the statistic with outcomes Y − τ·D is exactly metric − τ·exposure.
 */
public final class StaggeredAdoption {
    public static final int BASE_MONTHS = 48;
    public static final int[] WINDOW_MONTHS = {3, 6, 12};
    public static final int PRE_WINDOWS = 4;
    public static final int MIN_ANSWERS = 20;
    public static final int MIN_COMPARISON = 2;
    /** The months just before adoption looked at for anticipation when none is declared. */
    public static final int ANTICIPATION_CHECK_MONTHS = 3;

    /** What the estimator reads: per unit, sums over a run of months (indices as {@link Panel#index}). */
    public interface Counts {
        java.util.Set<String> units();

        /** {numerator, answers, answers under the model} over the unit's usable months in [from, to). */
        double[] window(String unit, int from, int to);

        int first();

        /** The last month index with data (inclusive). */
        int last();

        /**
         * Counts held as running sums per unit: {@code prefix[k][i]} is the sum of figure k over the months
         * {@code first} … {@code first + i − 1}, so any window is two look-ups (a simulated panel).
         */
        static Counts ofRunningSums(Map<String, double[][]> prefix, int first, int last) {
            return new Counts() {
                @Override
                public java.util.Set<String> units() {
                    return prefix.keySet();
                }

                @Override
                public double[] window(String unit, int from, int to) {
                    double[][] p = prefix.get(unit);
                    int a = Math.max(from, first) - first;
                    int b = Math.min(to, last + 1) - first;
                    return b <= a ? new double[3] : new double[]{p[0][b] - p[0][a], p[1][b] - p[1][a], p[2][b] - p[2][a]};
                }

                @Override
                public int first() {
                    return first;
                }

                @Override
                public int last() {
                    return last;
                }
            };
        }
    }

    public enum Kind { POST, PRE, ANTICIPATION }

    /**
     * One cell: cohort g, the window [from, to) and its base [baseFrom, baseTo), the effect on the metric
     * and on exposure, who stands behind it, and per district its share in the effect's deviation
     * for the wild bootstrap, by source of noise (a comparison: its leverage-adjusted residual's share, signed; a
     * treated district: its own noise borrowed from the comparisons' spread, for its base and its window); {@code ownNoise}: per treated district, the standard deviation of its
     * own change's noise, borrowed from the comparisons' spread, by source (the district: its base's; {@link
     * #windowSource}: the window's); {@code withheld} says why it is not used.
     */
    public record Cell(Kind kind, int group, int from, int to, int baseFrom, int baseTo, double att, double exposure,
                       int treated, int comparison, long treatedAnswers, String withheld, Map<String, Double> residuals,
                       Map<String, Double> districtEffects, double precision, Map<String, Double> ownNoise) {
        public int eventTime() {
            return from - group;
        }

        public int months() {
            return to - from;
        }

        public boolean used() {
            return withheld == null;
        }

        /** The cell's weight in aggregates: its precision, 1 ÷ (1/treated weight + 1/comparison weight). */
        double weight() {
            return precision;
        }
    }

    /** A cohort: its first treated month, window length, base, districts. */
    public record Cohort(int group, int windowMonths, int baseFrom, int baseTo, List<String> districts) {
    }

    public record Result(List<Cohort> cohorts, List<Cell> cells) {
        public List<Cell> used(Kind kind) {
            return cells.stream().filter(c -> c.kind() == kind && c.used()).toList();
        }

        /** The simple aggregate: post cells weighted by treated districts × months; {metric, exposure} or null. */
        public double[] aggregate() {
            return weighted(used(Kind.POST));
        }

        /** The pre-trend statistic for a constant effect τ: the weighted mean square of the placebo cells. */
        public Double preTrend(double tau) {
            List<Cell> pre = used(Kind.PRE);
            if (pre.isEmpty()) {
                return null;
            }
            double sum = 0;
            double weight = 0;
            for (Cell c : pre) {
                double v = c.att() - tau * c.exposure();
                sum += c.weight() * v * v;
                weight += c.weight();
            }
            return sum / weight;
        }

        public double[] anticipation() {
            return weighted(used(Kind.ANTICIPATION));
        }

        /** Per-district deviation weights of the simple aggregate (for the wild bootstrap). */
        public Map<String, Double> aggregateResiduals() {
            return residuals(used(Kind.POST));
        }

        static double[] weighted(List<Cell> cells) {
            double att = 0;
            double exposure = 0;
            double weight = 0;
            for (Cell c : cells) {
                att += c.weight() * c.att();
                exposure += c.weight() * c.exposure();
                weight += c.weight();
            }
            return weight == 0 ? null : new double[]{att / weight, exposure / weight};
        }

        static Map<String, Double> residuals(List<Cell> cells) {
            double weight = cells.stream().mapToDouble(Cell::weight).sum();
            Map<String, Double> sum = new TreeMap<>();
            for (Cell c : cells) {
                c.residuals().forEach((unit, r) -> sum.merge(unit, r * c.weight() / weight, Double::sum));
            }
            return sum;
        }
    }

    private final Counts counts;
    private final List<String> units;
    private final int anticipation;
    private final int baseMonths;

    public StaggeredAdoption(Counts counts, int anticipation) {
        this(counts, anticipation, BASE_MONTHS);
    }

    StaggeredAdoption(Counts counts, int anticipation, int baseMonths) {
        this.counts = counts;
        this.units = List.copyOf(new TreeSet<>(counts.units()));
        this.anticipation = anticipation;
        this.baseMonths = baseMonths;
    }

    /** Every cohort's cells under an adoption (unit → first fully treated month; absent: never treated). */
    public Result estimate(Map<String, Integer> adoption) {
        return estimate(adoption, true);
    }

    /** {@code detail}: with each cell's per-district residuals and effects (not needed for re-drawn orders). */
    Result estimate(Map<String, Integer> adoption, boolean detail) {
        Map<Integer, List<String>> byGroup = new TreeMap<>();
        adoption.forEach((unit, g) -> {
            if (g != null && g <= counts.last() && counts.units().contains(unit)) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(unit);
            }
        });
        List<Cohort> cohorts = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        byGroup.forEach((g, units) -> {
            units.sort(String::compareTo);
            int baseTo = g - anticipation;
            int baseFrom = Math.max(counts.first(), baseTo - baseMonths);
            if (baseTo - baseFrom < ANTICIPATION_CHECK_MONTHS) {
                cells.add(new Cell(Kind.POST, g, g, g, baseFrom, baseTo, Double.NaN, Double.NaN, units.size(), 0, 0,
                        "fewer than " + ANTICIPATION_CHECK_MONTHS + " months of data before adoption (no base period)", Map.of(), Map.of(), 0, Map.of()));
                cohorts.add(new Cohort(g, 0, baseFrom, baseTo, List.copyOf(units)));
                return;
            }
            int length = windowLength(g, units);
            cohorts.add(new Cohort(g, length, baseFrom, baseTo, List.copyOf(units)));
            if (length == 0) {
                cells.add(new Cell(Kind.POST, g, g, g, baseFrom, baseTo, Double.NaN, Double.NaN, units.size(), 0, 0,
                        "fewer than " + WINDOW_MONTHS[0] + " complete months since adoption", Map.of(), Map.of(), 0, Map.of()));
                return;
            }
            for (int from = g; from + length - 1 <= counts.last(); from += length) {
                Cell cell = cell(Kind.POST, g, units, adoption, from, from + length, baseFrom, baseTo, detail);
                if (cell.treated() > 0) {
                    cells.add(cell);
                }
            }
            for (int j = 1; j <= PRE_WINDOWS && baseFrom - j * length >= counts.first(); j++) {
                cells.add(cell(Kind.PRE, g, units, adoption, baseFrom - j * length, baseFrom - (j - 1) * length, baseFrom, baseTo,
                        detail));
            }
            if (anticipation > 0) {
                cells.add(cell(Kind.ANTICIPATION, g, units, adoption, g - anticipation, g, baseFrom, baseTo, detail));
            } else if (baseTo - ANTICIPATION_CHECK_MONTHS - counts.first() >= ANTICIPATION_CHECK_MONTHS) {
                int checkBaseFrom = Math.max(counts.first(), baseTo - ANTICIPATION_CHECK_MONTHS - baseMonths);
                cells.add(cell(Kind.ANTICIPATION, g, units, adoption, g - ANTICIPATION_CHECK_MONTHS, g, checkBaseFrom,
                        baseTo - ANTICIPATION_CHECK_MONTHS, detail));
            }
        });
        return new Result(cohorts, cells);
    }

    /** The shortest window (3, 6, 12 months) whose every complete post window holds enough of the cohort's answers; 0 if none is complete. */
    private int windowLength(int g, List<String> units) {
        int longestComplete = 0;
        for (int length : WINDOW_MONTHS) {
            if (g + length - 1 > counts.last()) {
                break;
            }
            longestComplete = length;
            boolean enough = true;
            for (int from = g; from + length - 1 <= counts.last(); from += length) {
                long answers = 0;
                for (String unit : units) {
                    answers += (long) counts.window(unit, from, from + length)[1];
                }
                if (answers > 0 && answers < MIN_ANSWERS) {
                    enough = false;
                    break;
                }
            }
            if (enough) {
                return length;
            }
        }
        return longestComplete;
    }

    private Cell cell(Kind kind, int g, List<String> cohort, Map<String, Integer> adoption, int from, int to, int baseFrom,
                      int baseTo, boolean detail) {
        List<String> treatedUnits = new ArrayList<>();
        List<double[]> treated = new ArrayList<>();
        List<String> comparisonUnits = new ArrayList<>();
        List<double[]> comparison = new ArrayList<>();
        long treatedAnswers = 0;
        long treatedBaseAnswers = 0;
        List<Double> windowAnswers = new ArrayList<>();
        List<Double> baseAnswers = new ArrayList<>();
        for (String unit : units) {
            Integer adopted = adoption.get(unit);
            boolean inCohort = adopted != null && adopted == g;
            boolean notYet = adopted == null || adopted - anticipation >= Math.max(to, baseTo);
            if (!inCohort && !notYet) {
                continue;
            }
            double[] window = counts.window(unit, from, to);
            double[] base = counts.window(unit, baseFrom, baseTo);
            if (window[1] == 0 || base[1] == 0) {
                continue;
            }
            double precision = 1 / (1 / window[1] + 1 / base[1]);
            double[] change = {window[0] / window[1] - base[0] / base[1], window[2] / window[1] - base[2] / base[1], precision};
            if (inCohort) {
                treatedUnits.add(unit);
                treated.add(change);
                treatedAnswers += (long) window[1];
                treatedBaseAnswers += (long) base[1];
                windowAnswers.add(window[1]);
                baseAnswers.add(base[1]);
            } else {
                comparisonUnits.add(unit);
                comparison.add(change);
            }
        }
        String withheld = null;
        if (treated.isEmpty()) {
            withheld = "no district of the cohort has answers in the window and its base";
        } else if (treatedAnswers < MIN_ANSWERS || treatedBaseAnswers < MIN_ANSWERS) {
            withheld = "the cohort has fewer than " + MIN_ANSWERS + " answers in the window or its base";
        } else if (comparison.size() < MIN_COMPARISON) {
            withheld = "fewer than " + MIN_COMPARISON + " comparison districts";
        }
        if (withheld != null) {
            return new Cell(kind, g, from, to, baseFrom, baseTo, Double.NaN, Double.NaN, treated.size(), comparison.size(),
                    treatedAnswers, withheld, Map.of(), Map.of(), 0, Map.of());
        }
        double[] t = mean(treated);
        double[] c = mean(comparison);
        double precision = 1 / (1 / t[2] + 1 / c[2]);
        if (!detail) {
            return new Cell(kind, g, from, to, baseFrom, baseTo, t[0] - c[0], t[1] - c[1], treated.size(), comparison.size(),
                    treatedAnswers, null, Map.of(), Map.of(), precision, Map.of());
        }
        // The comparisons' spread of changes per unit of precision: a district's own change has about this
        // variance ÷ its precision (the noise of a few answers a month dominates at district volumes).
        double spread = 0;
        for (double[] v : comparison) {
            spread += v[2] * (v[0] - c[0]) * (v[0] - c[0]);
        }
        spread /= comparison.size() - 1;
        Map<String, Double> ownNoise = new HashMap<>();
        Map<String, Double> residuals = new HashMap<>();
        for (int i = 0; i < treated.size(); i++) {
            // A few treated districts say little about their own noise: it is borrowed from the comparisons'
            // spread, spread ÷ answers for the base (shared by the cohort's windows) and for the window (its own).
            String unit = treatedUnits.get(i);
            double base = Math.sqrt(spread / baseAnswers.get(i));
            double window = Math.sqrt(spread / windowAnswers.get(i));
            ownNoise.put(unit, base);
            ownNoise.put(windowSource(unit, from), window);
            residuals.put(unit, base * treated.get(i)[2] / t[2]);
            residuals.put(windowSource(unit, from), window * treated.get(i)[2] / t[2]);
        }
        for (int i = 0; i < comparison.size(); i++) {
            double[] v = comparison.get(i);
            residuals.put(comparisonUnits.get(i), -leverageAdjusted(v[0] - c[0], v[2], c[2]));
        }
        Map<String, Double> effects = new HashMap<>();
        for (int i = 0; i < treated.size(); i++) {
            effects.put(treatedUnits.get(i), treated.get(i)[0] - c[0]);
        }
        return new Cell(kind, g, from, to, baseFrom, baseTo, t[0] - c[0], t[1] - c[1], treated.size(), comparison.size(),
                treatedAnswers, null, residuals, effects, precision, ownNoise);
    }

    /** The name of a district's own noise in one window (its base's noise goes by the district's name). */
    static String windowSource(String district, int from) {
        return district + "@" + from;
    }

    /**
     * A district's share in its group mean's deviation, (value − mean)·w ÷ W, divided by √(1 − w/W): a residual
     * is smaller than the error behind it by its leverage w/W in the group's mean, so unadjusted residuals
     * understate the variance, by half with two districts (the CR2 correction of Bell &amp; McCaffrey 2002).
     */
    private static double leverageAdjusted(double deviation, double weight, double total) {
        double leverage = weight / total;
        return deviation * leverage / Math.sqrt(1 - leverage);
    }

    /** The precision-weighted mean {metric, exposure, total weight}: each district by 1 ÷ (1/answers in window + 1/answers in base). */
    private static double[] mean(List<double[]> values) {
        double[] sum = new double[3];
        for (double[] v : values) {
            sum[0] += v[0] * v[2];
            sum[1] += v[1] * v[2];
            sum[2] += v[2];
        }
        return new double[]{sum[0] / sum[2], sum[1] / sum[2], sum[2]};
    }
}
