package se.tidigt.gateway.spread;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import se.tidigt.gateway.limits.ExpensiveRequests;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.query.stats.effect.EffectAnswer;
import se.tidigt.query.stats.effect.EffectMetric;
import se.tidigt.query.stats.effect.EffectQuery;
import se.tidigt.query.stats.effect.RolloutEffects;

import java.util.Optional;

/**
 * The effects the investigation rests on, asked of the evidence engine ({@link RolloutEffects}, the answer of
 * {@code /stats/rollout-effect}, under its output rules) and never estimated again here. A metric the engine
 * does not know, or an effect it withholds, is not known: said in words.
 */
@Component
class Evidence {
    static final String ACCEPTANCE = "acceptanceRate";
    static final String REACHED = "concernToAcceptedIntervention";
    static final String PLACEMENT = "placementWithin24m";
    /** The seed and draws of the randomisation inference: the dashboard's seed, fewer draws to keep the time budget. */
    static final long SEED = 2026;
    static final int REPLICATES = 499;

    private final RolloutEffects effects;
    private final ExpensiveRequests expensive;
    private final ObjectMapper json;

    Evidence(RolloutEffects effects, ExpensiveRequests expensive, ObjectMapper json) {
        this.effects = effects;
        this.expensive = expensive;
        this.json = json;
    }

    /** The engine's answer for a metric, or empty when the engine does not know the metric. */
    Optional<EffectAnswer> effect(String user, String workModel, String metric, StatisticsPosition.State state) {
        EffectMetric known;
        try {
            known = EffectMetric.fromApiName(metric);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        EffectQuery query = new EffectQuery(workModel, known, null, null, null, SEED, REPLICATES);
        return Optional.of(read(expensive.run(user, () -> effects.estimate(query, state))));
    }

    private EffectAnswer read(com.fasterxml.jackson.databind.JsonNode answer) {
        try {
            return json.treeToValue(answer, EffectAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The evidence engine's answer does not read as its record", e);
        }
    }

    /** The pooled effect (the simple aggregate), or why it is not known. */
    static SpreadAnswers.EffectUsed pooled(String metric, Optional<EffectAnswer> answer) {
        if (answer.isEmpty()) {
            return new SpreadAnswers.EffectUsed(metric, "pooled", null, null, null, null,
                    "The evidence engine does not estimate " + metric + " on this deployment.");
        }
        EffectAnswer.Aggregate a = answer.get().aggregate();
        if (a == null || a.att() == null) {
            return new SpreadAnswers.EffectUsed(metric, "pooled", null, null, null, a == null ? null : a.n(),
                    "The evidence engine withholds this effect: " + (a == null || a.withheld() == null ? "too few records" : a.withheld()));
        }
        return new SpreadAnswers.EffectUsed(metric, "pooled", a.att(), a.low(), a.high(), a.n(),
                a.low() == null ? "The interval cannot be bounded on these data." : null);
    }

    /**
     * For a district that has adopted the model, its own effect where the engine publishes one; otherwise (or for
     * any other district) the pooled one.
     */
    static SpreadAnswers.EffectUsed forDistrict(String district, boolean adopted, SpreadAnswers.EffectUsed pooled,
                                                Optional<EffectAnswer> answer) {
        if (!adopted || answer.isEmpty() || answer.get().districts() == null) {
            return pooled;
        }
        return answer.get().districts().stream()
                .filter(row -> row.district().equals(district) && !row.excluded() && row.att() != null)
                .findFirst()
                .map(row -> new SpreadAnswers.EffectUsed(pooled.metric(), "district", row.att(), row.low(), row.high(), row.n(),
                        row.low() == null ? "The interval cannot be bounded on this district's data." : null))
                .orElse(pooled);
    }
}
