package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.effect.StaggeredAdoption.Cell;
import se.tidigt.query.stats.effect.StaggeredAdoption.Kind;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rambachan &amp; Roth's relative-magnitude bounds against sets worked out by hand. */
class RelativeMagnitudesTest {
    private static final int G = 60;

    /** A quarter's cell of the cohort adopting in month {@code group}, {@code windows} quarters from adoption (negative: placebo). */
    private static Cell cell(Kind kind, int group, int windows, double att, double weight) {
        int from = group + 3 * windows;
        return new Cell(kind, group, from, from + 3, group - 48, group, att, att, 1, 3, 40, null, Map.of(), Map.of(), weight, Map.of());
    }

    @Test
    void with_exactly_parallel_trends_every_set_is_the_point_estimates_interval() {
        List<Cell> pre = List.of(cell(Kind.PRE, G, -20, 0, 1), cell(Kind.PRE, G, -19, 0, 1), cell(Kind.PRE, G + 6, -20, 0, 1));
        List<Cell> post = List.of(cell(Kind.POST, G, 0, 0.3, 1), cell(Kind.POST, G, 1, 0.3, 2), cell(Kind.POST, G + 6, 0, 0.3, 1));
        RelativeMagnitudes magnitudes = RelativeMagnitudes.of(pre, post);
        for (double mBar : new double[]{0, 0.5, 1, 2}) {
            assertThat(magnitudes.interval(0.21, 0.39, mBar)).containsExactly(0.21, 0.39);
            assertThat(magnitudes.identifiedSet(0.3, mBar)).containsExactly(0.3, 0.3);
        }
    }

    @Test
    void with_any_pre_trend_m_bar_zero_is_the_point_estimates_interval() {
        List<Cell> pre = List.of(cell(Kind.PRE, G, -20, 0.04, 1), cell(Kind.PRE, G, -19, -0.02, 1));
        List<Cell> post = List.of(cell(Kind.POST, G, 0, 0.3, 1));
        assertThat(RelativeMagnitudes.of(pre, post).interval(0.21, 0.39, 0)).containsExactly(0.21, 0.39);
    }

    /**
     * A linear pre-trend of 0.01 a quarter: placebo deviations −0.01, −0.02, −0.03 from the base outwards, so
     * D = 0.01. Post windows 0, 1, 2 weighted 1, 1, 2 (l = ¼, ¼, ½): Σ l·(k + 1) = ¼ + ½ + 3/2 = 2.25, and the
     * bias the restriction allows is M̄ × 0.01 × 2.25: 0.01125, 0.0225 and 0.045 for M̄ = ½, 1, 2. The trend
     * carried on after adoption (δ_k = 0.01·(k + 1)) gives a bias of exactly 0.0225: the edge of the M̄ = 1 set.
     */
    @Test
    void a_linear_pre_trend_gives_the_bound_worked_out_by_hand() {
        List<Cell> pre = List.of(cell(Kind.PRE, G, -17, -0.01, 1), cell(Kind.PRE, G, -18, -0.02, 1),
                cell(Kind.PRE, G, -19, -0.03, 1));
        List<Cell> post = List.of(cell(Kind.POST, G, 0, 0.30, 1), cell(Kind.POST, G, 1, 0.31, 1), cell(Kind.POST, G, 2, 0.32, 2));
        RelativeMagnitudes magnitudes = RelativeMagnitudes.of(pre, post);
        assertThat(magnitudes.bias(0.5)).isCloseTo(0.01125, within(1e-12));
        assertThat(magnitudes.bias(1)).isCloseTo(0.0225, within(1e-12));
        assertThat(magnitudes.bias(2)).isCloseTo(0.045, within(1e-12));
        double trendCarriedOn = 0.25 * 0.01 + 0.25 * 0.02 + 0.5 * 0.03;
        assertThat(trendCarriedOn).isCloseTo(magnitudes.bias(1), within(1e-12));
        double[] widened = magnitudes.interval(0.25, 0.37, 2);
        assertThat(widened[0]).isCloseTo(0.205, within(1e-12));
        assertThat(widened[1]).isCloseTo(0.415, within(1e-12));
    }

    @Test
    void the_largest_step_counts_the_step_from_the_base_and_takes_the_largest_of_any_cohort() {
        assertThat(RelativeMagnitudes.largestStep(List.of(List.of(0.05, 0.06), List.of(-0.01, 0.02)))).isCloseTo(0.05, within(1e-12));
        assertThat(RelativeMagnitudes.largestStep(List.of(List.of(0.01, 0.09)))).isCloseTo(0.08, within(1e-12));
        assertThat(RelativeMagnitudes.largestStep(List.of())).isNaN();
    }
}
