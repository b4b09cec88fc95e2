package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

/** Out-of-home placements: started and ended in business-time order, each once, only those the case has. */
class PlacementTest extends CaseFixture {
    private static final String PLACEMENT = "placement-1";

    private static PlacementStarted placed(String id, int day) {
        return new PlacementStarted(CASE, HV, after(day), id, PlacementKind.HVB, true);
    }

    private static PlacementEnded ended(String id, int day) {
        return new PlacementEnded(CASE, HV, after(day), id);
    }

    @Test
    void a_placement_starts_and_ends() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new StartPlacement(CASE, PLACEMENT, after(20), PlacementKind.FAMILY_HOME, false, null))
                .expectEvents(new PlacementStarted(CASE, HV, after(20), PLACEMENT, PlacementKind.FAMILY_HOME, false));
        fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20))
                .when(new EndPlacement(CASE, PLACEMENT, after(80), null))
                .expectEvents(ended(PLACEMENT, 80));
    }

    @Test
    void a_placement_ends_only_once() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20), ended(PLACEMENT, 80))
                .when(new EndPlacement(CASE, PLACEMENT, after(81), null)), "placement-already-ended");
    }

    @Test
    void an_unknown_placement_cannot_end() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20))
                .when(new EndPlacement(CASE, "placement-9", after(80), null)), "unknown-placement");
    }

    @Test
    void a_placement_ends_after_it_starts() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20))
                .when(new EndPlacement(CASE, PLACEMENT, after(19), null)), "endedAt");
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20))
                .when(new EndPlacement(CASE, PLACEMENT, after(20), null)), "endedAt");
    }

    @Test
    void a_placement_id_is_used_once() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20), ended(PLACEMENT, 30))
                .when(new StartPlacement(CASE, PLACEMENT, after(40), PlacementKind.HVB, true, null)), "placement-already-exists");
    }

    @Test
    void a_child_is_placed_in_one_place_at_a_time() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20))
                .when(new StartPlacement(CASE, "placement-2", after(40), PlacementKind.HVB, true, null)), "placement-already-running");
        fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20), ended(PLACEMENT, 30))
                .when(new StartPlacement(CASE, "placement-2", after(30), PlacementKind.SUPPORTED_HOUSING, false, null))
                .expectEvents(new PlacementStarted(CASE, HV, after(30), "placement-2", PlacementKind.SUPPORTED_HOUSING, false));
    }

    @Test
    void the_next_placement_does_not_start_before_the_last_one_ended() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20), ended(PLACEMENT, 30))
                .when(new StartPlacement(CASE, "placement-2", after(29), PlacementKind.HVB, false, null)), "startedAt");
    }

    @Test
    void a_placement_lies_between_the_concern_and_now() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new StartPlacement(CASE, PLACEMENT, RECEIVED.minusSeconds(60), PlacementKind.HVB, false, null)), "startedAt");
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new StartPlacement(CASE, PLACEMENT, NOW.plusSeconds(60), PlacementKind.HVB, false, null)), "startedAt");
    }

    @Test
    void kind_and_compulsory_are_required() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new StartPlacement(CASE, PLACEMENT, after(20), null, false, null)), "kind");
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new StartPlacement(CASE, PLACEMENT, after(20), PlacementKind.HVB, null, null)), "compulsory");
    }

    @Test
    void nothing_is_placed_or_ended_on_a_closed_case() {
        CaseClosed closed = new CaseClosed(CASE, HV, after(90), ClosureReason.values()[0]);
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), closed)
                .when(new StartPlacement(CASE, PLACEMENT, after(95), PlacementKind.HVB, true, null)), "case-closed");
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), placed(PLACEMENT, 20), closed)
                .when(new EndPlacement(CASE, PLACEMENT, after(95), null)), "case-closed");
    }
}
