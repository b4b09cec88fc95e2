package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 95 % interval of a later spell ({@code spells[]}): a district whose model is suspended loses the effect it
 * had; on seeded cities of sixteen districts with four answered offers a district and month the published
 * interval (bounds rounded outwards) covers the true fall.
 */
class SpellCoverageSimulationTest {
    private static final double EFFECT = 0.30;
    private static final int CITIES = 80;

    @Test
    void the_95_percent_interval_of_a_suspension_covers_the_true_fall_in_at_least_92_percent_of_simulated_cities() {
        int covered = 0;
        int intervals = 0;
        for (int seed = 1; seed <= CITIES; seed++) {
            SimulatedRollout city = new SimulatedRollout(EFFECT);
            IntStream.rangeClosed(1, 16).forEach(i -> city.district(String.format("d%02d", i)));
            city.adopt("d01", "2024-03-01").adopt("d02", "2024-03-01").adopt("d03", "2024-07-01").adopt("d04", "2024-07-01")
                    .adopt("d05", "2024-01-01").suspend("d05", "2024-10-01");
            Panel panel = Panel.build(city.cases(4, 1000L + seed, Map.of()).facts(), EffectMetric.ACCEPTANCE_RATE,
                    city.exposures(), Function.identity(), null, SimulatedRollout.LAST);
            List<EffectAnswer.SpellEffect> spells = new Spells(panel, city.exposures(), EffectMetric.ACCEPTANCE_RATE).effects();
            EffectAnswer.SpellEffect suspension = spells.stream().filter(s -> s.district().equals("d05")).findFirst().orElseThrow();
            if (suspension.low() == null) {
                continue;
            }
            intervals++;
            if (suspension.low() <= -EFFECT && -EFFECT <= suspension.high()) {
                covered++;
            }
        }
        System.out.printf("Suspension spell interval coverage of a fall of %.2f: %d of %d (%.3f)%n", EFFECT, covered, intervals,
                (double) covered / intervals);
        assertThat(intervals).isGreaterThan(CITIES * 3 / 4);
        assertThat((double) covered / intervals).isGreaterThanOrEqualTo(0.92);
    }
}
