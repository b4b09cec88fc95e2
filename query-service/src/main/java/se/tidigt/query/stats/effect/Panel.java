package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.Count;
import se.tidigt.query.stats.RecordKeys;
import se.tidigt.query.stats.Tally;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metric per today's district and concern month. Each district-month's numerator and
 * denominator are the sums of the cell-key-perturbed counts of its cells (district as it was × month
 * × work model), the same cells /stats publishes, so the effect reveals no more than /stats does; a
 * district-month with fewer than the threshold of (protected) answers is missing. Months that cannot
 * be classified or are not complete are left out and listed with their reason.
 */
final class Panel {
    private final Map<String, Map<Integer, Double>> values = new TreeMap<>();
    private final Map<String, Map<Integer, Long>> weights = new TreeMap<>();
    private final Map<String, List<String[]>> excluded = new TreeMap<>();
    private final Map<String, Integer> fewAnswers = new TreeMap<>();

    /** {@code protect} null: exact counts (tests of the estimator). */
    static Panel build(List<CaseFact> cases, EffectMetric metric, Map<String, Exposure> exposures,
                       Function<String, String> todayOf, CellKeyMethod protect, YearMonth lastComplete) {
        Panel panel = new Panel();
        Tally tally = new Tally(protect == null ? RecordKeys.NONE : protect.keys());
        int minimum = protect == null ? 1 : protect.threshold();
        Map<String, Map<YearMonth, List<CaseFact>>> byDistrictMonth = new TreeMap<>();
        for (CaseFact c : cases) {
            String district = todayOf.apply(c.district());
            if (exposures.containsKey(district)) {
                byDistrictMonth.computeIfAbsent(district, d -> new TreeMap<>())
                        .computeIfAbsent(c.concernMonth(), m -> new ArrayList<>()).add(c);
            }
        }
        byDistrictMonth.forEach((district, months) -> months.forEach((month, inMonth) -> {
            String reason = month.isAfter(lastComplete) ? "the current month is not complete"
                    : exposures.get(district).classify(month);
            if (reason == null && inMonth.stream().anyMatch(metric::pending)) {
                reason = "not complete: some answers are still open";
            }
            if (reason != null) {
                panel.excluded.computeIfAbsent(district, d -> new ArrayList<>()).add(new String[]{month.toString(), reason});
                return;
            }
            long[] published = published(metric, tally, protect, inMonth);
            if (published[1] < minimum) {
                panel.fewAnswers.merge(district, 1, Integer::sum);
                return;
            }
            double value = published[2] == 1 ? (double) published[0] / published[1]
                    : metric.rawNumerator(inMonth) / inMonth.stream().filter(c -> c.firstInterventionStart() != null).count();
            panel.values.computeIfAbsent(district, d -> new TreeMap<>()).put(index(month), value);
            panel.weights.computeIfAbsent(district, d -> new TreeMap<>()).put(index(month), published[1]);
        }));
        return panel;
    }

    /** {numerator, denominator, 1 if the numerator is a count}, summed over the month's cells as published. */
    private static long[] published(EffectMetric metric, Tally tally, CellKeyMethod protect, List<CaseFact> cases) {
        Map<String, List<CaseFact>> cells = cases.stream().collect(Collectors.groupingBy(c -> c.district() + "|" + c.workModel()));
        long[] sum = new long[]{0, 0, 1};
        for (List<CaseFact> cell : cells.values()) {
            Count numerator = metric.numerator(tally, cell);
            Count denominator = metric.denominator(tally, cell);
            if (numerator == null) {
                sum[2] = 0;
            } else {
                sum[0] += protect == null ? numerator.n() : protect.perturb(numerator);
            }
            sum[1] += protect == null ? denominator.n() : protect.perturb(denominator);
        }
        return sum;
    }

    Map<String, Map<Integer, Double>> values() {
        return values;
    }

    List<String[]> excluded(String district) {
        return excluded.getOrDefault(district, List.of());
    }

    int fewAnswers(String district) {
        return fewAnswers.getOrDefault(district, 0);
    }

    int fewAnswers() {
        return fewAnswers.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The latest observed month before g, at most {@code window} months back; null if none. */
    Integer baseOf(String district, int g, int window) {
        Map<Integer, Double> series = values.getOrDefault(district, Map.of());
        for (int b = g - 1; b >= g - window; b--) {
            if (series.containsKey(b)) {
                return b;
            }
        }
        return null;
    }

    /** The metric pooled over a district's usable months in [from, to), weighted by their denominators: {value, n}. */
    double[] pooled(String district, Integer from, Integer to) {
        double numerator = 0;
        long n = 0;
        Map<Integer, Long> w = weights.getOrDefault(district, Map.of());
        for (Map.Entry<Integer, Double> e : values.getOrDefault(district, Map.of()).entrySet()) {
            if ((from == null || e.getKey() >= from) && (to == null || e.getKey() < to)) {
                numerator += e.getValue() * w.get(e.getKey());
                n += w.get(e.getKey());
            }
        }
        return new double[]{n == 0 ? Double.NaN : numerator / n, n};
    }

    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static String label(int index) {
        return YearMonth.of(index / 12, index % 12 + 1).toString();
    }

    static Map<String, Integer> indexOf(Map<String, YearMonth> months) {
        Map<String, Integer> index = new HashMap<>();
        months.forEach((d, m) -> index.put(d, index(m)));
        return index;
    }
}
