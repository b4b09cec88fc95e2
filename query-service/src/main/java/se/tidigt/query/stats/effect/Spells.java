package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.effect.EffectAnswer.SpellEffect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happened when a district's model stopped (SUSPENSION) or came back (REINSTATEMENT) after its
 * first spell: the district's change from the months of the previous spell (the last
 * {@link #BASE_MONTHS} at most) before the change to the whole months of the new spell, against the same change in districts without the
 * model in either. One district stands behind each: the interval treats its own noise like a
 * comparison district's (the spread of the comparisons' changes, Conley &amp; Taber 2011) and uses
 * Student's t with one less degree of freedom than comparisons; the same output rules apply.
 */
final class Spells {
    static final int BASE_MONTHS = 12;

    private final Panel panel;
    private final Map<String, Exposure> exposures;
    private final boolean share;

    Spells(Panel panel, Map<String, Exposure> exposures, EffectMetric metric) {
        this.panel = panel;
        this.exposures = exposures;
        this.share = "share".equals(metric.unit());
    }

    List<SpellEffect> effects() {
        List<SpellEffect> effects = new ArrayList<>();
        exposures.forEach((district, exposure) -> {
            List<Exposure.Spell> spells = exposure.spells();
            for (int i = 0; i < spells.size(); i++) {
                LocalDate end = spells.get(i).to();
                if (end == null) {
                    break;
                }
                LocalDate next = i + 1 < spells.size() ? spells.get(i + 1).from() : null;
                effects.add(effect(district, "SUSPENSION", spells.get(i).from(), end, next));
                if (next != null) {
                    LocalDate after = spells.get(i + 1).to();
                    effects.add(effect(district, "REINSTATEMENT", end, next, after));
                }
            }
        });
        return effects;
    }

    /** The change at {@code start}: base the months since {@code previous} (at most a year), the spell to {@code end}. */
    private SpellEffect effect(String district, String kind, LocalDate previous, LocalDate start, LocalDate end) {
        StaggeredAdoption.Counts counts = panel.wholeMonths();
        int from = Panel.index(Exposure.firstFullMonth(start));
        int to = Math.min(end == null ? counts.last() + 1 : Panel.index(java.time.YearMonth.from(end)), counts.last() + 1);
        int baseTo = Panel.index(java.time.YearMonth.from(start));
        int baseFrom = Math.max(Math.max(counts.first(), baseTo - BASE_MONTHS), Panel.index(Exposure.firstFullMonth(previous)));
        String fromLabel = start.toString();
        String toLabel = end == null ? null : end.toString();
        if (to <= from) {
            return new SpellEffect(district, kind, fromLabel, toLabel, null, null, null, 0, "no complete month in the spell yet");
        }
        double[] own = change(counts, district, from, to, baseFrom, baseTo);
        List<Double> comparison = new ArrayList<>();
        for (String unit : counts.units()) {
            if (unit.equals(district)) {
                continue;
            }
            double[] window = counts.window(unit, from, to);
            double[] base = counts.window(unit, baseFrom, baseTo);
            if (window[1] > 0 && base[1] > 0 && window[2] == 0 && base[2] == 0) {
                comparison.add(window[0] / window[1] - base[0] / base[1]);
            }
        }
        if (own == null || own[1] < StaggeredAdoption.MIN_ANSWERS || own[2] < StaggeredAdoption.MIN_ANSWERS) {
            return new SpellEffect(district, kind, fromLabel, toLabel, null, null, null, comparison.size(),
                    "fewer than " + StaggeredAdoption.MIN_ANSWERS + " answers in the spell or the year before it");
        }
        if (comparison.size() < Math.max(3, StaggeredAdoption.MIN_COMPARISON)) {
            return new SpellEffect(district, kind, fromLabel, toLabel, null, null, null, comparison.size(),
                    "fewer than 3 comparison districts without the model before and during the spell");
        }
        double mean = comparison.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = comparison.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / (comparison.size() - 1);
        double estimate = own[0] - mean;
        double half = EffectEstimate.t975(comparison.size() - 1) * Math.sqrt(variance * (1 + 1.0 / comparison.size()));
        return new SpellEffect(district, kind, fromLabel, toLabel, round(estimate, 0), round(estimate - half, -1),
                round(estimate + half, 1), comparison.size(), null);
    }

    /** {change, answers in the window, answers in the base}; null without data. */
    private static double[] change(StaggeredAdoption.Counts counts, String unit, int from, int to, int baseFrom, int baseTo) {
        double[] window = counts.window(unit, from, to);
        double[] base = counts.window(unit, baseFrom, baseTo);
        if (window[1] == 0 || base[1] == 0) {
            return null;
        }
        return new double[]{window[0] / window[1] - base[0] / base[1], window[1], base[1]};
    }

    /** Whole points (days); direction −1 rounds down, +1 up, 0 to nearest. */
    private Double round(double value, int direction) {
        double scaled = share ? value * 100 : value;
        double rounded = direction < 0 ? Math.floor(scaled + 1e-9) : direction > 0 ? Math.ceil(scaled - 1e-9) : Math.round(scaled);
        return share ? Math.max(-1, Math.min(1, rounded / 100)) : rounded;
    }
}
