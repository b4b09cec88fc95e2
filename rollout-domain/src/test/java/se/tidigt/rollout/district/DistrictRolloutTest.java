package se.tidigt.rollout.district;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import se.tidigt.rollout.api.*;

import java.math.BigDecimal;
import java.time.LocalDate;

class DistrictRolloutTest {
    private static final String HV = "hasselby-vallingby";
    private static final String TEAM = WorkModels.VALLINGBY_TEAM_CODE;
    private static final LocalDate PILOT = LocalDate.of(2021, 1, 1);
    private static final LocalDate CLOSED = LocalDate.of(2023, 1, 1);
    private static final LocalDate REINSTATED = LocalDate.of(2025, 1, 1);

    private final FixtureConfiguration<DistrictRollout> fixture = new AggregateTestFixture<>(DistrictRollout.class)
            .registerInjectableResource(DistrictCatalogue.stockholm());

    @Test
    void a_district_adopts_a_model() {
        fixture.givenNoPriorActivity()
                .when(new AdoptWorkModel(HV, TEAM, PILOT, null))
                .expectEvents(new WorkModelAdopted(HV, TEAM, PILOT));
    }

    @Test
    void a_model_already_in_force_cannot_be_adopted_again() {
        fixture.given(new WorkModelAdopted(HV, TEAM, PILOT))
                .when(new AdoptWorkModel(HV, TEAM, LocalDate.of(2022, 1, 1), null))
                .expectNoEvents().expectException(RolloutRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already in force"));
    }

    @Test
    void a_model_in_force_is_suspended_for_a_reason() {
        fixture.given(new WorkModelAdopted(HV, TEAM, PILOT))
                .when(new SuspendWorkModel(HV, TEAM, CLOSED, SuspensionReason.BUDGET, "Lack of budget and staff", null))
                .expectEvents(new WorkModelSuspended(HV, TEAM, CLOSED, SuspensionReason.BUDGET, "Lack of budget and staff"));
    }

    @Test
    void suspending_a_model_not_in_force_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new SuspendWorkModel(HV, TEAM, CLOSED, SuspensionReason.BUDGET, null, null))
                .expectNoEvents().expectException(RolloutRuleViolation.class);
        fixture.given(new WorkModelAdopted(HV, TEAM, PILOT))
                .when(new SuspendWorkModel(HV, TEAM, LocalDate.of(2020, 6, 1), SuspensionReason.OTHER, null, null))
                .expectNoEvents().expectException(RolloutRuleViolation.class);
    }

    @Test
    void only_a_suspended_model_is_reinstated() {
        fixture.given(new WorkModelAdopted(HV, TEAM, PILOT),
                        new WorkModelSuspended(HV, TEAM, CLOSED, SuspensionReason.BUDGET, null))
                .when(new ReinstateWorkModel(HV, TEAM, REINSTATED, null))
                .expectEvents(new WorkModelReinstated(HV, TEAM, REINSTATED));
        fixture.given(new WorkModelAdopted(HV, TEAM, PILOT))
                .when(new ReinstateWorkModel(HV, TEAM, REINSTATED, null))
                .expectNoEvents().expectException(RolloutRuleViolation.class);
    }

    @Test
    void an_effective_date_before_the_district_existed_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new AdoptWorkModel("jarva", TEAM, LocalDate.of(2023, 1, 1), null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
    }

    @Test
    void an_effective_date_after_the_district_was_merged_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new AdoptWorkModel("rinkeby-kista", TEAM, LocalDate.of(2024, 1, 1), null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
    }

    @Test
    void an_unknown_district_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new AdoptWorkModel("atlantis", TEAM, LocalDate.of(2024, 1, 1), null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
    }

    @Test
    void funding_is_granted_for_a_period_with_a_positive_amount() {
        fixture.givenNoPriorActivity()
                .when(new GrantFunding(HV, "Social investment fund", 4_500_000, REINSTATED, LocalDate.of(2026, 12, 31), null))
                .expectEvents(new FundingGranted(HV, "Social investment fund", 4_500_000, REINSTATED, LocalDate.of(2026, 12, 31)));
        fixture.givenNoPriorActivity()
                .when(new GrantFunding(HV, "Social investment fund", 4_500_000, REINSTATED, REINSTATED.minusDays(1), null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
        fixture.givenNoPriorActivity()
                .when(new GrantFunding(HV, "Social investment fund", 0, REINSTATED, REINSTATED, null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
    }

    @Test
    void staffing_records_budgeted_and_filled_posts_never_negative() {
        fixture.givenNoPriorActivity()
                .when(new RecordStaffing(HV, REINSTATED, new BigDecimal("9.0"), new BigDecimal("7.5"), null))
                .expectEvents(new StaffingRecorded(HV, REINSTATED, new BigDecimal("9.0"), new BigDecimal("7.5")));
        fixture.givenNoPriorActivity()
                .when(new RecordStaffing(HV, REINSTATED, new BigDecimal("9.0"), new BigDecimal("-1"), null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
    }

    @Test
    void an_approved_plan_puts_the_adoption_in_the_districts_calendar() {
        fixture.givenNoPriorActivity()
                .when(new PlanAdoption("farsta", TEAM, LocalDate.of(2027, 1, 1), "plan-1", 2, null))
                .expectEvents(new AdoptionPlanned("farsta", TEAM, LocalDate.of(2027, 1, 1), "plan-1", 2));
    }
}
