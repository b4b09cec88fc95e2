package se.tidigt.rollout.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import se.tidigt.rollout.api.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

class RolloutPlanTest {
    private static final List<String> DISTRICTS = List.of("bromma", "farsta", "jarva", "skarpnack");
    private static final LocalDate START = LocalDate.of(2027, 1, 1);
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final FixtureConfiguration<RolloutPlan> fixture = new AggregateTestFixture<>(RolloutPlan.class)
            .registerInjectableResource(DistrictCatalogue.stockholm());

    private static CreateRolloutPlan plan(List<String> districts, int waves, int months, RolloutDesign design) {
        return new CreateRolloutPlan("plan-1", "VALLINGBY_TEAM", districts, START, waves, months, design, 42, "analyst", AT);
    }

    private static RolloutPlanCreated created() {
        return new RolloutPlanCreated("plan-1", "VALLINGBY_TEAM", DISTRICTS, START, 2, 6, RolloutDesign.STEPPED_WEDGE, 42,
                SteppedWedge.schedule(DISTRICTS, START, 2, 6, 42), "analyst", AT);
    }

    @Test
    void a_plan_records_its_seeded_schedule_and_who_made_it() {
        fixture.givenNoPriorActivity().when(plan(DISTRICTS, 2, 6, RolloutDesign.STEPPED_WEDGE)).expectEvents(created());
    }

    @Test
    void a_plan_is_approved_once() {
        fixture.given(created()).when(new ApproveRolloutPlan("plan-1", "admin", AT))
                .expectEvents(new RolloutPlanApproved("plan-1", "VALLINGBY_TEAM", created().schedule(), "admin", AT));
        fixture.given(created(), new RolloutPlanApproved("plan-1", "VALLINGBY_TEAM", created().schedule(), "admin", AT))
                .when(new ApproveRolloutPlan("plan-1", "admin", AT))
                .expectNoEvents().expectException(RolloutRuleViolation.class);
    }

    @Test
    void a_plan_needs_known_distinct_districts_and_sensible_waves() {
        fixture.givenNoPriorActivity().when(plan(List.of(), 1, 6, RolloutDesign.STEPPED_WEDGE))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
        fixture.givenNoPriorActivity().when(plan(List.of("farsta", "farsta"), 1, 6, RolloutDesign.STEPPED_WEDGE))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
        fixture.givenNoPriorActivity().when(plan(List.of("farsta", "rinkeby-kista"), 1, 6, RolloutDesign.STEPPED_WEDGE))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
        fixture.givenNoPriorActivity().when(plan(DISTRICTS, 5, 6, RolloutDesign.STEPPED_WEDGE))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
        fixture.givenNoPriorActivity().when(plan(DISTRICTS, 2, 0, RolloutDesign.STEPPED_WEDGE))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
        fixture.givenNoPriorActivity().when(plan(DISTRICTS, 2, 6, null))
                .expectNoEvents().expectException(InvalidRolloutInput.class);
    }
}
