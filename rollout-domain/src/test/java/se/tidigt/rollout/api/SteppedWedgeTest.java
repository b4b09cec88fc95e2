package se.tidigt.rollout.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SteppedWedgeTest {
    private static final List<String> CITY = DistrictCatalogue.stockholm().validOn(LocalDate.of(2026, 1, 1)).stream()
            .map(District::code).toList();
    private static final LocalDate START = LocalDate.of(2027, 1, 1);

    @Test
    void the_same_request_always_gives_the_same_schedule_whatever_the_order_of_districts() {
        List<String> shuffled = new ArrayList<>(CITY);
        Collections.reverse(shuffled);
        assertThat(SteppedWedge.schedule(shuffled, START, 4, 6, 2026))
                .isEqualTo(SteppedWedge.schedule(CITY, START, 4, 6, 2026));
    }

    @Test
    void another_seed_gives_another_order() {
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            orders.add(SteppedWedge.schedule(CITY, START, 4, 6, seed).stream().map(WaveAssignment::district).toList());
        }
        assertThat(orders).hasSize(5);
    }

    @Test
    void every_district_is_in_exactly_one_wave_and_wave_sizes_differ_by_at_most_one() {
        List<WaveAssignment> schedule = SteppedWedge.schedule(CITY, START, 4, 6, 7);
        assertThat(schedule).extracting(WaveAssignment::district).containsExactlyInAnyOrderElementsOf(CITY);
        Map<Integer, Long> sizes = schedule.stream().collect(java.util.stream.Collectors.groupingBy(WaveAssignment::wave,
                java.util.stream.Collectors.counting()));
        assertThat(sizes.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(2L, 3L));
    }

    @Test
    void each_wave_starts_months_per_wave_after_the_last() {
        List<WaveAssignment> schedule = SteppedWedge.schedule(CITY, START, 4, 6, 7);
        for (WaveAssignment assignment : schedule) {
            assertThat(assignment.start()).isEqualTo(START.plusMonths(6L * (assignment.wave() - 1)));
        }
    }

    @Test
    void the_comparison_of_a_wave_is_every_district_of_later_waves() {
        List<WaveAssignment> schedule = SteppedWedge.schedule(CITY, START, 4, 6, 7);
        Map<Integer, List<String>> comparison = SteppedWedge.comparisonDistricts(schedule);
        assertThat(comparison.get(1)).hasSize(CITY.size() - (int) schedule.stream().filter(a -> a.wave() == 1).count());
        assertThat(comparison.get(4)).isEmpty();
        for (String district : comparison.get(2)) {
            assertThat(schedule.stream().filter(a -> a.district().equals(district)).findFirst().orElseThrow().wave()).isGreaterThan(2);
        }
    }
}
