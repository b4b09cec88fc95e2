package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detail intervals (per cohort, as {@code cohorts[]}, and per adopting district, as {@code districts[].att})
 * on simulated cities the size of Stockholm's ({@link SimulatedCity}) with a true effect of 0.30 everywhere:
 * the published 95 % intervals (bounds rounded outwards to whole points) cover it.
 */
class DetailCoverageSimulationTest {
    private static final int SIMULATIONS = 150;
    private static final int REPLICATES = 399;
    private static final double TRUTH = 0.30;

    @Test
    void the_95_percent_intervals_per_cohort_and_per_district_cover_the_true_effect_in_at_least_92_percent() {
        int[] cohorts = new int[2];
        int[] districts = new int[2];
        int[] alone = new int[2];
        SplittableRandom seeds = new SplittableRandom(44);
        for (int s = 0; s < SIMULATIONS; s++) {
            SimulatedCity city = new SimulatedCity(TRUTH, seeds.nextLong());
            StaggeredAdoption.Result result = city.detail();
            DetailIntervals details = new DetailIntervals(result, new WildBootstrap(REPLICATES, s));
            for (StaggeredAdoption.Cohort cohort : result.cohorts()) {
                count(cohorts, details.cohort(cohort.group()));
                if (cohort.districts().size() == 1) {
                    count(alone, details.cohort(cohort.group()));
                }
                for (String district : cohort.districts()) {
                    count(districts, details.district(district, cohort.group()));
                }
            }
        }
        System.out.printf("Detail interval coverage of a true effect of %.2f over %d simulated cities: cohorts %d of %d (%.3f), "
                        + "of them cohorts of one district %d of %d; districts %d of %d (%.3f)%n", TRUTH, SIMULATIONS,
                cohorts[0], cohorts[1], (double) cohorts[0] / cohorts[1], alone[0], alone[1], districts[0], districts[1],
                (double) districts[0] / districts[1]);
        assertThat(cohorts[1]).isGreaterThan(300);
        assertThat(districts[1]).isGreaterThan(600);
        assertThat((double) cohorts[0] / cohorts[1]).as("cohorts").isGreaterThanOrEqualTo(0.92);
        assertThat((double) districts[0] / districts[1]).as("districts").isGreaterThanOrEqualTo(0.92);
    }

    /** {covered, intervals}: a published interval, bounds rounded outwards to whole points. */
    private static void count(int[] tally, DetailIntervals.Estimate estimate) {
        if (estimate == null || estimate.interval() == null) {
            return;
        }
        double low = Math.floor(estimate.interval()[0] * 100 + 1e-9) / 100;
        double high = Math.ceil(estimate.interval()[1] * 100 - 1e-9) / 100;
        tally[1]++;
        if (low <= TRUTH && TRUTH <= high) {
            tally[0]++;
        }
    }
}
