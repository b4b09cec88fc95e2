package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.DistrictCrosswalk;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * District × month sums of a metric's numerator and denominator, by the month of the concern and
 * today's district. Districts whose spell of the model has ended are left out, and so are the
 * months of an earlier spell: a period already treated cannot serve as "before".
 */
final class Panel {
    private final Map<String, Map<YearMonth, double[]>> sums;
    private final Map<String, RolloutEffects.Adoption> adoptions;

    private Panel(Map<String, Map<YearMonth, double[]>> sums, Map<String, RolloutEffects.Adoption> adoptions) {
        this.sums = sums;
        this.adoptions = adoptions;
    }

    static Panel build(List<CaseFact> cases, EffectMetric metric, DistrictCrosswalk crosswalk,
                       Map<String, RolloutEffects.Adoption> adoptions, BiPredicate<String, YearMonth> treated) {
        Map<String, Map<YearMonth, double[]>> sums = new TreeMap<>();
        for (CaseFact c : cases) {
            String district = crosswalk.todayOf(c.district());
            RolloutEffects.Adoption adoption = adoptions.get(district);
            YearMonth month = c.concernMonth();
            if (adoption == null || adoption.ended() || earlierSpell(adoption, treated, district, month)) {
                continue;
            }
            double[] cell = sums.computeIfAbsent(district, d -> new TreeMap<>()).computeIfAbsent(month, m -> new double[2]);
            double[] contribution = metric.of(c);
            cell[0] += contribution[0];
            cell[1] += contribution[1];
        }
        return new Panel(sums, adoptions);
    }

    private static boolean earlierSpell(RolloutEffects.Adoption adoption, BiPredicate<String, YearMonth> treated,
                                        String district, YearMonth month) {
        return adoption.month() != null && month.isBefore(adoption.month()) && treated.test(district, month);
    }

    /** The metric's value per district and month index, where it has a denominator. */
    Map<String, Map<Integer, Double>> values() {
        Map<String, Map<Integer, Double>> values = new HashMap<>();
        sums.forEach((district, months) -> months.forEach((month, cell) -> {
            if (cell[1] > 0) {
                values.computeIfAbsent(district, d -> new HashMap<>()).put(index(month), cell[0] / cell[1]);
            }
        }));
        return values;
    }

    Map<String, Integer> adoptionIndex() {
        Map<String, Integer> index = new HashMap<>();
        adoptions.forEach((district, adoption) -> {
            if (adoption.month() != null) {
                index.put(district, index(adoption.month()));
            }
        });
        return index;
    }

    int treatedCount() {
        return (int) adoptions.values().stream().filter(a -> a.month() != null).count();
    }

    int neverTreatedCount() {
        return (int) adoptions.values().stream().filter(a -> a.month() == null && !a.ended()).count();
    }

    /** Per district: the metric pooled over the months before its adoption and from it on. */
    ArrayNode beforeAfter() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        adoptions.forEach((district, adoption) -> {
            ObjectNode row = array.addObject().put("district", district)
                    .put("adoption", adoption.month() == null ? null : adoption.month().toString())
                    .put("excluded", adoption.ended());
            Map<YearMonth, double[]> months = sums.getOrDefault(district, Map.of());
            row.set("before", pooled(months, m -> adoption.month() == null || m.isBefore(adoption.month())));
            row.set("after", pooled(months, m -> adoption.month() != null && !m.isBefore(adoption.month())));
        });
        return array;
    }

    private static ObjectNode pooled(Map<YearMonth, double[]> months, java.util.function.Predicate<YearMonth> which) {
        double numerator = 0;
        double denominator = 0;
        for (Map.Entry<YearMonth, double[]> e : months.entrySet()) {
            if (which.test(e.getKey())) {
                numerator += e.getValue()[0];
                denominator += e.getValue()[1];
            }
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("value", denominator == 0 ? null : se.tidigt.query.stats.Stats.round(numerator / denominator));
        node.put("n", (long) denominator);
        return node;
    }

    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static String label(int index) {
        return YearMonth.of(index / 12, index % 12 + 1).toString();
    }
}
