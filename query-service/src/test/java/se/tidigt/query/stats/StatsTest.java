package se.tidigt.query.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void the_wilson_interval_matches_the_formula_worked_in_the_docs() {
        double[] twoOfThree = Stats.wilson(2, 3);
        assertThat(twoOfThree[0]).isCloseTo(0.2077, within(5e-5));
        assertThat(twoOfThree[1]).isCloseTo(0.9385, within(5e-5));
        double[] none = Stats.wilson(0, 10);
        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(0.2775, within(5e-5));
        assertThat(Stats.wilson(0, 0)).isNull();
    }

    @Test
    void percentiles_take_the_nearest_rank() {
        assertThat(Stats.percentile(List.of(20, 6, 9), 0.5)).isEqualTo(9.0);
        assertThat(Stats.percentile(List.of(20, 6, 9), 0.9)).isEqualTo(20.0);
        assertThat(Stats.percentile(List.of(16, 90), 0.5)).isEqualTo(16.0);
        assertThat(Stats.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).isEqualTo(9.0);
        assertThat(Stats.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    void days_count_stockholm_calendar_days() {
        // 23:30 UTC is already the next day in Stockholm.
        assertThat(Stats.days(Instant.parse("2024-03-04T09:00:00Z"), Instant.parse("2024-03-04T23:30:00Z"))).isEqualTo(1);
        assertThat(Stats.days(Instant.parse("2024-03-05T09:00:00Z"), Instant.parse("2024-06-03T10:00:00Z"))).isEqualTo(90);
    }
}
