package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.ChildHistories;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The metric's exact numerator and denominator per today's district and concern month, with the
 * share of the denominator given under the model. Read inside the platform only: what leaves it is
 * the estimate under the output rules of {@link StaggeredAdoption}. Months that cannot be classified
 * or are not complete are left out and listed with their reason; months after the first spell are
 * kept apart for the later spells.
 */
final class Panel implements StaggeredAdoption.Counts {
    private final int first;
    private final int last;
    /** Per district: prefix sums of {numerator, denominator, denominator in force} over usable months. */
    private final Map<String, double[][]> usable = new TreeMap<>();
    /** The same over every complete, whole month, also after the first spell (for later spells). */
    private final Map<String, double[][]> whole = new TreeMap<>();
    private final Map<String, List<String[]>> excluded = new TreeMap<>();

    private Panel(int first, int last) {
        this.first = first;
        this.last = last;
    }

    /** From exact records that are every case of their children, read on the day after {@code lastComplete}. */
    static Panel build(List<CaseFact> cases, EffectMetric metric, Map<String, Exposure> exposures,
                       Function<String, String> todayOf, YearMonth from, YearMonth lastComplete) {
        return build(cases, metric, exposures, todayOf, from, lastComplete,
                new ChildHistories(cases, lastComplete.plusMonths(1).atDay(1)));
    }

    /**
     * From exact records; months from {@code from} (null: the first with data) to {@code lastComplete};
     * {@code children}: every case of every child (also those the filter leaves out) and today.
     */
    static Panel build(List<CaseFact> cases, EffectMetric metric, Map<String, Exposure> exposures,
                       Function<String, String> todayOf, YearMonth from, YearMonth lastComplete, ChildHistories children) {
        Map<String, Map<YearMonth, List<CaseFact>>> byDistrictMonth = new TreeMap<>();
        YearMonth earliest = null;
        for (CaseFact c : cases) {
            String district = todayOf.apply(c.district());
            if (exposures.containsKey(district)) {
                byDistrictMonth.computeIfAbsent(district, d -> new TreeMap<>())
                        .computeIfAbsent(c.concernMonth(), m -> new ArrayList<>()).add(c);
                earliest = earliest == null || c.concernMonth().isBefore(earliest) ? c.concernMonth() : earliest;
            }
        }
        YearMonth start = from != null ? from : earliest != null ? earliest : lastComplete;
        Panel panel = new Panel(index(start), Math.max(index(start), index(lastComplete)));
        int size = panel.last - panel.first + 1;
        exposures.keySet().forEach(district -> {
            double[][] main = new double[3][size + 1];
            double[][] all = new double[3][size + 1];
            Map<YearMonth, List<CaseFact>> months = byDistrictMonth.getOrDefault(district, Map.of());
            Exposure exposure = exposures.get(district);
            for (int i = 0; i < size; i++) {
                YearMonth month = YearMonth.of((panel.first + i) / 12, (panel.first + i) % 12 + 1);
                List<CaseFact> inMonth = months.getOrDefault(month, List.of());
                double[] exact = inMonth.isEmpty() ? new double[2] : metric.exact(inMonth, children);
                String reason = inMonth.isEmpty() ? null : exposure.classify(month);
                boolean complete = inMonth.stream().noneMatch(c -> metric.pending(c, children));
                if (reason == null && !complete) {
                    reason = "not complete: some cases may still change the metric";
                }
                if (reason != null) {
                    panel.excluded.computeIfAbsent(district, d -> new ArrayList<>()).add(new String[]{month.toString(), reason});
                }
                boolean inForce = exposure.inForceAllMonth(month);
                for (int k = 0; k < 3; k++) {
                    main[k][i + 1] = main[k][i];
                    all[k][i + 1] = all[k][i];
                }
                double[] add = {exact[0], exact[1], inForce ? exact[1] : 0};
                if (reason == null) {
                    for (int k = 0; k < 3; k++) {
                        main[k][i + 1] += add[k];
                    }
                }
                if (complete && !exposure.changesWithin(month)) {
                    for (int k = 0; k < 3; k++) {
                        all[k][i + 1] += add[k];
                    }
                }
            }
            panel.usable.put(district, main);
            panel.whole.put(district, all);
        });
        return panel;
    }

    @Override
    public Set<String> units() {
        return usable.keySet();
    }

    @Override
    public int first() {
        return first;
    }

    @Override
    public int last() {
        return last;
    }

    @Override
    public double[] window(String unit, int from, int to) {
        return sum(usable.get(unit), from, to);
    }

    /** The same counts over every whole month of any spell (for the effect of later spells). */
    StaggeredAdoption.Counts wholeMonths() {
        Panel self = this;
        return new StaggeredAdoption.Counts() {
            @Override
            public Set<String> units() {
                return whole.keySet();
            }

            @Override
            public double[] window(String unit, int from, int to) {
                return sum(whole.get(unit), from, to);
            }

            @Override
            public int first() {
                return self.first;
            }

            @Override
            public int last() {
                return self.last;
            }
        };
    }

    private double[] sum(double[][] prefix, int from, int to) {
        int a = Math.max(from, first) - first;
        int b = Math.min(to, last + 1) - first;
        if (prefix == null || b <= a) {
            return new double[3];
        }
        return new double[]{prefix[0][b] - prefix[0][a], prefix[1][b] - prefix[1][a], prefix[2][b] - prefix[2][a]};
    }

    List<String[]> excluded(String district) {
        return excluded.getOrDefault(district, List.of());
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
