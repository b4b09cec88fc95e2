package se.tidigt.gateway.spread;

import se.tidigt.gateway.spread.SpreadAnswers.EffectUsed;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;

import java.util.Arrays;

/**
 * Arithmetic on figures with intervals: a count times an effect (bounds from the effect's bounds), a figure times
 * a factor, sums (the not-yet-adopted districts share the pooled effect, so their bounds add), and the reason
 * carried along when a part is not known.
 */
final class Figures {
    private Figures() {
    }

    /** A protected count times an effect; {@code sign} −1 for an effect whose decrease is the gain. */
    static Figure countTimesEffect(Long count, EffectUsed effect, double factor, int sign, String unit) {
        if (count == null) {
            return Figure.unknown(unit, "The district's count is withheld by disclosure control.");
        }
        if (!effect.known()) {
            return Figure.unknown(unit, effect.reason());
        }
        double k = count * factor * sign;
        Double a = effect.low() == null ? null : k * effect.low();
        Double b = effect.high() == null ? null : k * effect.high();
        Double low = a == null || b == null ? null : Math.min(a, b);
        Double high = a == null || b == null ? null : Math.max(a, b);
        return new Figure(k * effect.estimate(), low, high, count, unit, effect.reason());
    }

    static Figure times(Figure f, double factor, String unit) {
        if (!f.known()) {
            return Figure.unknown(unit, f.reason());
        }
        if (f.low() == null || f.high() == null) {
            return new Figure(f.value() * factor, null, null, f.n(), unit, f.reason());
        }
        double a = f.low() * factor;
        double b = f.high() * factor;
        return new Figure(f.value() * factor, Math.min(a, b), Math.max(a, b), f.n(), unit, f.reason());
    }

    /** The sum; not known when a part is not known; n the sum of the parts' n. */
    static Figure sum(String unit, Figure... parts) {
        return sum(unit, Arrays.asList(parts));
    }

    static Figure sum(String unit, java.util.List<Figure> parts) {
        double value = 0;
        double low = 0;
        double high = 0;
        boolean bounded = true;
        long n = 0;
        boolean counted = false;
        for (Figure f : parts) {
            if (!f.known()) {
                return Figure.unknown(unit, f.reason());
            }
            value += f.value();
            bounded &= f.low() != null && f.high() != null;
            low += f.low() == null ? 0 : f.low();
            high += f.high() == null ? 0 : f.high();
            if (f.n() != null) {
                n += f.n();
                counted = true;
            }
        }
        return new Figure(value, bounded ? low : null, bounded ? high : null, counted ? n : null, unit, null);
    }

    /** a − b, b without an interval (a cost): the bounds are a's bounds less b. */
    static Figure minus(Figure a, Figure b, String unit) {
        if (!a.known() || !b.known()) {
            return Figure.unknown(unit, !a.known() ? a.reason() : b.reason());
        }
        return new Figure(a.value() - b.value(), a.low() == null ? null : a.low() - b.value(),
                a.high() == null ? null : a.high() - b.value(), a.n(), unit, a.reason());
    }

    /** A figure without an interval. */
    static Figure exact(double value, Long n, String unit) {
        return new Figure(value, null, null, n, unit, null);
    }
}
