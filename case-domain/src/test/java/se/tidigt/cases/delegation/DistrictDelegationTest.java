package se.tidigt.cases.delegation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.ChangeDelegation;
import se.tidigt.cases.api.DecisionKind;
import se.tidigt.cases.api.DecisionRank;
import se.tidigt.cases.api.Delegation;
import se.tidigt.cases.api.DelegationChanged;
import se.tidigt.cases.api.DistrictCalendar;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.hamcrest.Matchers.instanceOf;

class DistrictDelegationTest {
    static final String HV = "hasselby-vallingby";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);

    final FixtureConfiguration<DistrictDelegation> fixture = new AggregateTestFixture<>(DistrictDelegation.class)
            .registerInjectableResource((DistrictCalendar) (district, date) -> district.equals(HV));

    static Delegation closuresByTheAdmin() {
        Map<DecisionKind, DecisionRank> levels = new EnumMap<>(Delegation.DEFAULT.levels());
        levels.put(DecisionKind.CLOSE_CASE, DecisionRank.ADMIN);
        return new Delegation(levels);
    }

    @Test
    void a_change_is_an_event_in_force_from_its_date() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(ChangeDelegation.of(HV, NEW_YEAR, closuresByTheAdmin(), null))
                .expectEvents(new DelegationChanged("delegation:" + HV, HV, NEW_YEAR, closuresByTheAdmin(), NOW));
    }

    @Test
    void a_change_takes_effect_today_at_the_earliest_and_names_every_decision_kind() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(ChangeDelegation.of(HV, LocalDate.of(2026, 12, 6), closuresByTheAdmin(), null))
                .expectNoEvents().expectException(instanceOf(InvalidCaseInput.class));
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW)
                .when(ChangeDelegation.of(HV, NEW_YEAR, new Delegation(Map.of(DecisionKind.CLOSE_CASE, DecisionRank.ADMIN)), null))
                .expectNoEvents().expectException(instanceOf(InvalidCaseInput.class));
    }

    @Test
    void by_default_a_supervisor_decides_interventions_and_closures() {
        org.assertj.core.api.Assertions.assertThat(Delegation.DEFAULT.lowestToDecide(DecisionKind.OFFER_INTERVENTION))
                .isEqualTo(DecisionRank.SUPERVISOR);
        org.assertj.core.api.Assertions.assertThat(Delegation.DEFAULT.lowestToDecide(DecisionKind.CLOSE_CASE))
                .isEqualTo(DecisionRank.SUPERVISOR);
        org.assertj.core.api.Assertions.assertThat(Delegation.DEFAULT.lowestToDecide(DecisionKind.OPEN_INVESTIGATION))
                .isEqualTo(DecisionRank.WORKER);
    }
}
