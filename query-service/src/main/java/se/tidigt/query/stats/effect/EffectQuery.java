package se.tidigt.query.stats.effect;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the rollout effect is asked for: the model, the metric, the cases (concern kinds, null for all;
 * concern months from/to, whole months, null for open) and the seeded bootstrap.
 */
public record EffectQuery(String workModel, EffectMetric metric, Set<String> concerns, LocalDate from, LocalDate to,
                          long seed, int replicates) {
}
