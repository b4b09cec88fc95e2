package se.tidigt.query.stats.protection;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerturbationTableTest {
    private final PerturbationTable table = new PerturbationTable(5, 2);

    @Test
    void a_count_from_one_to_four_is_never_published_as_such() {
        Random keys = new Random(1);
        for (long count = 0; count < 40; count++) {
            for (int i = 0; i < 500; i++) {
                long published = table.perturb(count, keys.nextInt() & 0xffffffffL);
                assertThat(published).as("count %d", count).isNotIn(1L, 2L, 3L, 4L);
                assertThat(Math.abs(published - count)).isLessThanOrEqualTo(count < 5 ? 5 : 2);
            }
        }
    }

    @Test
    void zero_stays_zero_and_the_same_count_and_key_give_the_same_answer() {
        assertThat(table.perturb(0, 123_456_789L)).isZero();
        assertThat(table.perturb(17, 3_000_000_000L)).isEqualTo(table.perturb(17, 3_000_000_000L));
        Set<Long> outcomes = new HashSet<>();
        for (long key = 0; key < (1L << 32); key += 1L << 24) {
            outcomes.add(table.perturb(17, key));
        }
        assertThat(outcomes).containsExactlyInAnyOrder(15L, 16L, 17L, 18L, 19L);
    }

    @Test
    void small_counts_and_counts_past_the_threshold_plus_the_range_are_unbiased_and_the_bias_near_it_is_stated() {
        for (int count = 1; count < 5; count++) {
            assertThat(table.bias(count)).isCloseTo(0.0, within(1e-12));
        }
        assertThat(table.bias(5)).isCloseTo(4.0 / 9, within(1e-12));   // −2 and −1 (weights 1 and 2 of 9) lifted to 5
        assertThat(table.bias(6)).isCloseTo(1.0 / 9, within(1e-12));   // −2 (weight 1 of 9) lifted by one
        assertThat(table.bias(7)).isCloseTo(0.0, within(1e-12));
        assertThat(table.id()).isEqualTo("tidigt-ckm-k5-d2-v1");
    }

    /** docs/statistics.md, "Disclosure control", worked example. */
    @Test
    void the_worked_example_of_the_docs() {
        long cellKey = Math.floorMod(3_000_000_000L + 2_500_000_000L, 1L << 32);   // two records' keys, summed mod 2^32
        assertThat(cellKey).isEqualTo(1_205_032_704L);                             // u = 0.2806
        assertThat(table.perturb(2, cellKey)).as("u < 0.6: the two are published as 0").isZero();
        assertThat(table.perturb(2, 3_000_000_000L)).as("u = 0.6985 ≥ 0.6: published as 5").isEqualTo(5);
        assertThat(table.perturb(17, cellKey)).as("u = 0.2806 < 3/9: d = −1").isEqualTo(16);
        assertThat(table.perturb(17, 3_000_000_000L)).as("6/9 ≤ u = 0.6985 < 8/9: d = +1").isEqualTo(18);
        assertThat(table.perturb(5, 100L)).as("u ≈ 0 is d = −2, lifted to the threshold").isEqualTo(5);
    }

    @Test
    void the_cell_key_picks_the_outcome_with_the_tables_probabilities() {
        int fives = 0;
        int draws = 0;
        for (long key = 0; key < (1L << 32); key += 1L << 20) {
            draws++;
            if (table.perturb(2, key) == 5) {
                fives++;
            }
        }
        assertThat((double) fives / draws).isCloseTo(0.4, within(0.001));
    }
}
