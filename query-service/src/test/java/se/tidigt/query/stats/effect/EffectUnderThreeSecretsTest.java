package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.rollout.FixedRolloutViews;
import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.CaseFacts;
import se.tidigt.query.stats.DistrictCrosswalk;
import se.tidigt.query.stats.RecordKeys;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.SyntheticFacts;
import se.tidigt.query.stats.Tally;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three deployments with three different TIDIGT_CELL_KEY_SECRETs over the same facts, at the city's volumes
 * (about three answered offers per district and month): the counts the cell-key method publishes differ between them,
 * the rollout effect each publishes does not (within 0.01; in fact to the byte).
 */
class EffectUnderThreeSecretsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-10T08:00:00Z"), ZoneOffset.UTC);
    private static final List<String> SECRETS = List.of("first-deployment-cell-key-secret", "a-second-deployment-secret-value",
            "third-secret-for-the-cell-key-method");
    private static final EffectQuery QUERY = new EffectQuery(SimulatedRollout.MODEL, EffectMetric.ACCEPTANCE_RATE, null, null,
            null, 2026, 199);

    /** The accepted offers of every district and month as the cell-key method publishes them under this secret. */
    private static List<Long> publishedAccepted(String secret, List<CaseFact> facts) {
        RecordKeys keys = new KeyedRecordKeys(secret);
        CellKeyMethod cellKey = new CellKeyMethod(keys, new PerturbationTable(5, 2));
        Tally tally = new Tally(keys);
        Map<String, List<CaseFact>> cells = new TreeMap<>(facts.stream()
                .collect(Collectors.groupingBy(c -> c.district() + " " + c.concernMonth())));
        return cells.values().stream()
                .map(cell -> cellKey.perturb(tally.offers(cell, o -> "ACCEPTED".equals(o.answer())))).toList();
    }

    private static DistrictCrosswalk identity(List<String> districts) {
        return new DistrictCrosswalk() {
            @Override
            public String todayOf(String district) {
                return district;
            }

            @Override
            public List<String> today() {
                return districts;
            }

            @Override
            public List<String> all() {
                return districts;
            }
        };
    }

    @Test
    void the_published_effect_is_the_same_under_three_cell_key_secrets_while_the_published_counts_differ() {
        SimulatedRollout city = new SimulatedRollout(0.30);
        IntStream.rangeClosed(1, 11).forEach(i -> city.district(String.format("d%02d", i)));
        city.adopt("d01", "2023-01-01").adopt("d02", "2023-01-01").adopt("d03", "2023-07-01").adopt("d04", "2023-07-01")
                .adopt("d05", "2024-01-01").adopt("d06", "2024-01-01").adopt("d07", "2024-07-01");
        SyntheticFacts synthetic = city.cases(3, 18, Map.of());
        CaseFacts facts = synthetic.repository();
        List<String> districts = List.copyOf(city.events.keySet());
        FixedRolloutViews rollout = new FixedRolloutViews(city.events);

        List<JsonNode> effects = new ArrayList<>();
        Set<List<Long>> publishedAccepted = new HashSet<>();
        for (String secret : SECRETS) {
            RolloutEffects deployment = new RolloutEffects(facts, rollout, identity(districts), CLOCK, StatisticsCache.disabled());
            ObjectNode effect = deployment.estimate(QUERY, null);
            effects.add(effect);
            System.out.printf("Effect under secret %s…: %s%n", secret.substring(0, 6), effect.path("aggregate"));
            publishedAccepted.add(publishedAccepted(secret, synthetic.facts()));
        }

        assertThat(publishedAccepted).as("the secrets are different deployments: /stats publishes other counts")
                .hasSize(SECRETS.size());
        JsonNode first = effects.get(0).path("aggregate");
        assertThat(first.path("att").isNumber()).as("an effect is published: " + first).isTrue();
        assertThat(first.path("att").asDouble()).isCloseTo(0.30, within(0.08));
        for (JsonNode effect : effects.subList(1, effects.size())) {
            JsonNode aggregate = effect.path("aggregate");
            for (String field : List.of("att", "low", "high")) {
                assertThat(aggregate.path(field).asDouble()).as(field).isCloseTo(first.path(field).asDouble(), within(0.01));
            }
            assertThat(effect).as("the whole answer").isEqualTo(effects.get(0));
        }
    }
}
