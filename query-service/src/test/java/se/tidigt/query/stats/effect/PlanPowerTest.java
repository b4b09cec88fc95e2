package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Twelve districts in four waves of three months: does the plan have the power to show an effect? */
class PlanPowerTest {
    private static final List<String> DISTRICTS = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("d%02d", i)).toList();
    private static final List<WaveAssignment> SCHEDULE = SteppedWedge.schedule(DISTRICTS, LocalDate.of(2027, 1, 1), 4, 3, 2026);

    private static ObjectNode power(double answersPerMonth, Double effect) {
        Map<String, PlanPower.Volume> volumes = new TreeMap<>();
        DISTRICTS.forEach(d -> volumes.put(d, new PlanPower.Volume(answersPerMonth, 0.5, "given")));
        return PlanPower.simulate(new PlanPower.Plan(SCHEDULE, 3, 6, volumes, effect, 200, 2026));
    }

    @Test
    void power_rises_with_the_volume_of_answers() {
        double few = power(5, 0.10).get("power").asDouble();
        double some = power(20, 0.10).get("power").asDouble();
        double many = power(80, 0.10).get("power").asDouble();
        assertThat(few).isLessThan(some);
        assertThat(some).isLessThan(many);
        assertThat(many).isGreaterThan(0.8);
        assertThat(power(5, 0.10).get("minimumDetectableEffect").asDouble())
                .isGreaterThan(power(80, 0.10).get("minimumDetectableEffect").asDouble());
    }

    @Test
    void power_rises_with_the_size_of_the_effect_and_is_about_alpha_without_one() {
        double none = power(20, 0.0).get("power").asDouble();
        double small = power(20, 0.05).get("power").asDouble();
        double large = power(20, 0.20).get("power").asDouble();
        assertThat(none).isLessThanOrEqualTo(0.1);
        assertThat(none).isLessThan(small);
        assertThat(small).isLessThan(large);
        assertThat(large).isGreaterThan(0.9);
    }

    @Test
    void the_same_plan_and_seed_give_the_same_answer_and_the_minimum_detectable_effect_has_about_80_percent_power() {
        ObjectNode first = power(20, 0.10);
        assertThat(power(20, 0.10)).isEqualTo(first);
        double mde = first.get("minimumDetectableEffect").asDouble();
        assertThat(power(20, mde).get("power").asDouble()).isBetween(0.7, 0.9);
    }

    @Test
    void a_plan_of_one_wave_has_no_comparison_and_says_so() {
        List<WaveAssignment> oneWave = SteppedWedge.schedule(DISTRICTS, LocalDate.of(2027, 1, 1), 1, 3, 1);
        Map<String, PlanPower.Volume> volumes = new TreeMap<>();
        DISTRICTS.forEach(d -> volumes.put(d, new PlanPower.Volume(20, 0.5, "given")));
        ObjectNode result = PlanPower.simulate(new PlanPower.Plan(oneWave, 3, 6, volumes, 0.1, 100, 1));
        assertThat(result.get("power").isNull()).isTrue();
        assertThat(result.get("reason").asText()).contains("no comparison");
    }

    @Test
    void timing_of_a_request_sized_simulation_is_printed_for_the_docs() {
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            power(30, 0.10);
            System.out.printf("PlanPower run %d: 12 districts, 4 waves, 200 simulations with and without the effect: %d ms%n",
                    run, (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(power(30, 0.10).get("simulations").asInt()).isEqualTo(200);
    }
}
