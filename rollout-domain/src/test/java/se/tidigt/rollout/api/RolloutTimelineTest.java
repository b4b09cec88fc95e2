package se.tidigt.rollout.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutTimelineTest {
    private static final String HV = "hasselby-vallingby";
    private static final String TEAM = "VALLINGBY_TEAM";

    private final RolloutTimeline timeline = RolloutTimeline.of(List.of(
            new WorkModelAdopted(HV, TEAM, LocalDate.of(2021, 1, 1)),
            new WorkModelSuspended(HV, TEAM, LocalDate.of(2023, 1, 1), SuspensionReason.BUDGET, "closed"),
            new WorkModelReinstated(HV, TEAM, LocalDate.of(2025, 1, 1))));

    @Test
    void the_model_in_force_follows_adoption_suspension_and_reinstatement() {
        assertThat(timeline.modelInForceOn(LocalDate.of(2020, 12, 31))).isEmpty();
        assertThat(timeline.modelInForceOn(LocalDate.of(2021, 1, 1))).contains(TEAM);
        assertThat(timeline.modelInForceOn(LocalDate.of(2023, 1, 1))).isEmpty();
        assertThat(timeline.modelInForceOn(LocalDate.of(2025, 6, 1))).contains(TEAM);
    }

    @Test
    void events_recorded_out_of_order_are_read_by_effective_date() {
        RolloutTimeline late = RolloutTimeline.of(List.of(
                new WorkModelSuspended(HV, TEAM, LocalDate.of(2023, 1, 1), SuspensionReason.BUDGET, null),
                new WorkModelAdopted(HV, TEAM, LocalDate.of(2021, 1, 1))));
        assertThat(late.entries()).extracting(DistrictRolloutEvent::effectiveFrom)
                .containsExactly(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 1, 1));
        assertThat(late.modelInForceOn(LocalDate.of(2022, 1, 1))).contains(TEAM);
        assertThat(late.isSuspendedOn(TEAM, LocalDate.of(2024, 1, 1))).isTrue();
    }
}
