package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The worked example of docs/statistics.md ("Rollout effect"), reproduced number by number. */
class StaggeredAdoptionTest {
    private static final Map<String, Map<Integer, Double>> Y = Map.of(
            "A", Map.of(1, 0.50, 2, 0.80, 3, 0.90),
            "B", Map.of(1, 0.40, 2, 0.45, 3, 0.85),
            "C", Map.of(1, 0.50, 2, 0.55, 3, 0.60),
            "D", Map.of(1, 0.60, 2, 0.60, 3, 0.65));
    private static final Map<String, Integer> ADOPTION = Map.of("A", 2, "B", 3);

    private final StaggeredAdoption estimator = new StaggeredAdoption(Y, ADOPTION);

    @Test
    void group_time_effects_match_the_worked_example() {
        List<StaggeredAdoption.GroupTime> cells = estimator.groupTimeEffects();
        assertThat(att(cells, 2, 2)).isCloseTo(0.30 - 0.10 / 3, within(1e-12));
        assertThat(att(cells, 2, 3)).isCloseTo(0.40 - 0.075, within(1e-12));
        assertThat(att(cells, 3, 3)).isCloseTo(0.40 - 0.05, within(1e-12));
        assertThat(att(cells, 3, 1)).isCloseTo(-0.05 - (-0.025), within(1e-12));
        assertThat(cells).hasSize(4);
        assertThat(cells.stream().filter(c -> c.group() == 2 && c.period() == 2).findFirst().orElseThrow().comparison())
                .as("B is not yet treated at period 2, so it compares with A").isEqualTo(3);
        assertThat(cells.stream().filter(c -> c.group() == 2 && c.period() == 3).findFirst().orElseThrow().comparison())
                .as("B is treated by period 3 and leaves the comparison").isEqualTo(2);
    }

    @Test
    void the_aggregate_and_the_event_study_match_the_worked_example() {
        List<StaggeredAdoption.GroupTime> cells = estimator.groupTimeEffects();
        assertThat(StaggeredAdoption.aggregate(cells)).isCloseTo((0.266666666667 + 0.325 + 0.35) / 3, within(1e-9));
        Map<Integer, Double> study = StaggeredAdoption.eventStudy(cells);
        assertThat(study.get(0)).isCloseTo((0.266666666667 + 0.35) / 2, within(1e-9));
        assertThat(study.get(1)).isCloseTo(0.325, within(1e-12));
        assertThat(study.get(-2)).isCloseTo(-0.025, within(1e-12));
        // θ_sel: cohort 2's mean over its post cells (0.2667 + 0.325) / 2, cohort 3's 0.35, one district each.
        assertThat(StaggeredAdoption.groupAggregate(cells)).isCloseTo(((0.266666666667 + 0.325) / 2 + 0.35) / 2, within(1e-9));
    }

    @Test
    void the_bootstrap_interval_is_reproducible_from_its_seed_and_contains_the_estimate() {
        double[] first = estimator.bootstrapInterval(999, 2026);
        double[] again = estimator.bootstrapInterval(999, 2026);
        assertThat(first).containsExactly(again);
        double estimate = StaggeredAdoption.aggregate(estimator.groupTimeEffects());
        assertThat(first[0]).isLessThanOrEqualTo(estimate);
        assertThat(first[1]).isGreaterThanOrEqualTo(estimate);
    }

    @Test
    void without_a_comparison_unit_there_is_no_estimate() {
        Map<String, Map<Integer, Double>> onlyTreated = new HashMap<>();
        onlyTreated.put("A", Map.of(1, 0.5, 2, 0.8));
        StaggeredAdoption lonely = new StaggeredAdoption(onlyTreated, Map.of("A", 2));
        assertThat(lonely.groupTimeEffects()).isEmpty();
        assertThat(StaggeredAdoption.aggregate(lonely.groupTimeEffects())).isNull();
    }

    private static double att(List<StaggeredAdoption.GroupTime> cells, int g, int t) {
        return cells.stream().filter(c -> c.group() == g && c.period() == t).findFirst().orElseThrow().att();
    }
}
