package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;
import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inference on panels the size of Stockholm's: eleven districts from 2019 to late 2026 with about
 * three answered offers a month each, a pilot district adopted in 2021 outside the plan, and ten
 * districts in a seeded stepped-wedge plan of four waves of six months (three started). Each
 * simulation draws a new plan, district levels, city-wide monthly shocks and binomial answers; the
 * published interval (bounds rounded outwards to whole points) must cover the true effect and the
 * pre-trend test must keep its size.
 */
class RandomisationInferenceSimulationTest {
    private static final int FIRST = Panel.index(YearMonth.of(2019, 1));
    private static final int LAST = Panel.index(YearMonth.of(2026, 11));
    private static final List<String> PLAN = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("d%02d", i)).toList();
    private static final String PILOT = "pilot";
    private static final int SIMULATIONS = 300;
    private static final int DRAWS = 199;
    private static final double TRUTH = 0.30;

    @Test
    void the_95_percent_interval_covers_a_true_effect_of_030_in_at_least_92_percent_of_simulated_cities() {
        int covered = 0;
        double width = 0;
        SplittableRandom seeds = new SplittableRandom(18);
        for (int s = 0; s < SIMULATIONS; s++) {
            City city = new City(TRUTH, seeds.nextLong());
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
            City city = new City(seeds.nextInt(2) == 0 ? 0.0 : TRUTH, seeds.nextLong());
            double[] test = city.inference().preTrend();
            if (test[1] < 0.05) {
                rejected++;
            }
        }
        double size = (double) rejected / SIMULATIONS;
        System.out.printf("Pre-trend test size %.3f over %d simulated cities at nominal 0.05%n", size, SIMULATIONS);
        assertThat(size).isLessThanOrEqualTo(0.07);
    }

    /** One simulated city. */
    private static final class City {
        private final double effect;
        private final long seed;
        double spread = 0.2;
        double shockSd = 0.03;
        double answers = 3;
        int baseMonths = StaggeredAdoption.BASE_MONTHS;

        City(double effect, long seed) {
            this.effect = effect;
            this.seed = seed;
        }

        RandomisationInference inference() {
            SplittableRandom random = new SplittableRandom(seed);
            long planSeed = random.nextLong();
            LocalDate firstWave = LocalDate.of(2025, 6, 1);
            List<WaveAssignment> schedule = SteppedWedge.schedule(PLAN, firstWave, 4, 6, planSeed);
            RolloutPlanView plan = new RolloutPlanView("plan", "TEAM", RolloutDesign.STEPPED_WEDGE, planSeed, firstWave, 4, 6,
                    schedule, SteppedWedge.comparisonDistricts(schedule), "analyst", Instant.EPOCH, "admin", Instant.EPOCH);
            Map<String, Integer> adoption = new HashMap<>();
            adoption.put(PILOT, Panel.index(YearMonth.of(2021, 1)));
            schedule.forEach(a -> adoption.put(a.district(), Panel.index(YearMonth.from(a.start()))));
            Map<String, double[][]> counts = new TreeMap<>();
            double[] shock = new double[LAST - FIRST + 1];
            for (int t = 0; t < shock.length; t++) {
                shock[t] = shockSd * random.nextGaussian();
            }
            for (String district : adoption.keySet()) {
                double level = 0.5 - spread / 2 + spread * random.nextDouble();
                int g = adoption.get(district);
                boolean pilot = district.equals(PILOT);
                double[][] prefix = new double[3][LAST - FIRST + 2];
                for (int t = FIRST; t <= LAST; t++) {
                    int i = t - FIRST;
                    // the pilot's first spell ends after two years: later months are not in the panel
                    boolean usable = !pilot || t < g + 24;
                    boolean treated = t >= g && usable;
                    int n = usable ? poisson(random, answers) : 0;
                    double p = Math.min(0.99, Math.max(0.01, level + shock[i] + (treated ? effect : 0)));
                    int yes = 0;
                    for (int k = 0; k < n; k++) {
                        yes += random.nextDouble() < p ? 1 : 0;
                    }
                    prefix[0][i + 1] = prefix[0][i] + yes;
                    prefix[1][i + 1] = prefix[1][i] + n;
                    prefix[2][i + 1] = prefix[2][i] + (treated ? n : 0);
                }
                counts.put(district, prefix);
            }
            StaggeredAdoption.Counts panel = StaggeredAdoption.Counts.ofRunningSums(counts, FIRST, LAST);
            Map<String, Integer> observed = new HashMap<>(adoption);
            observed.values().removeIf(g -> g > LAST);
            return new RandomisationInference(new StaggeredAdoption(panel, 0, baseMonths), observed,
                    AdoptionOrders.plan(plan, observed, random.nextLong()), DRAWS);
        }
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
