package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inference on panels the size of Stockholm's ({@link SimulatedCity}). Each
 * simulation draws a new plan, district levels, city-wide monthly shocks and binomial answers; the
 * published interval (bounds rounded outwards to whole points) must cover the true effect and the
 * pre-trend test must keep its size.
 */
class RandomisationInferenceSimulationTest {
    private static final int SIMULATIONS = 300;
    private static final int DRAWS = 199;
    private static final double TRUTH = 0.30;

    @Test
    void the_95_percent_interval_covers_a_true_effect_of_030_in_at_least_92_percent_of_simulated_cities() {
        int covered = 0;
        double width = 0;
        SplittableRandom seeds = new SplittableRandom(18);
        for (int s = 0; s < SIMULATIONS; s++) {
            SimulatedCity city = new SimulatedCity(TRUTH, seeds.nextLong());
            double[] interval = city.inference().interval();
            double low = Math.floor(interval[0] * 100 + 1e-9) / 100;
            double high = Math.ceil(interval[1] * 100 - 1e-9) / 100;
            if (low <= TRUTH && TRUTH <= high) {
                covered++;
            }
            width += (high - low) / SIMULATIONS;
        }
        double coverage = (double) covered / SIMULATIONS;
        System.out.printf("Interval coverage %.3f over %d simulated cities, mean width %.3f%n", coverage, SIMULATIONS, width);
        assertThat(coverage).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void the_pre_trend_test_rejects_parallel_trends_in_at_most_7_percent_of_simulated_cities() {
        int rejected = 0;
        SplittableRandom seeds = new SplittableRandom(7);
        for (int s = 0; s < SIMULATIONS; s++) {
            SimulatedCity city = new SimulatedCity(seeds.nextInt(2) == 0 ? 0.0 : TRUTH, seeds.nextLong());
            double[] test = city.inference().preTrend();
            if (test[1] < 0.05) {
                rejected++;
            }
        }
        double size = (double) rejected / SIMULATIONS;
        System.out.printf("Pre-trend test size %.3f over %d simulated cities at nominal 0.05%n", size, SIMULATIONS);
        assertThat(size).isLessThanOrEqualTo(0.07);
    }
}
