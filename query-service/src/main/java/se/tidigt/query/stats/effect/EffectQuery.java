package se.tidigt.query.stats.effect;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the rollout effect is asked for: the model, the metric, the cases (concern kinds, null for all;
 * concern months from/to, whole months, null for open), the months before adoption left out of the
 * base (anticipation) and the seeded draws of the inference.
 */
public record EffectQuery(String workModel, EffectMetric metric, Set<String> concerns, LocalDate from, LocalDate to,
                          int anticipation, long seed, int replicates) {
    public static final int MAX_ANTICIPATION = 12;

    public EffectQuery(String workModel, EffectMetric metric, Set<String> concerns, LocalDate from, LocalDate to, long seed,
                       int replicates) {
        this(workModel, metric, concerns, from, to, 0, seed, replicates);
    }
}
