package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.AssessProtectionNeed;
import se.tidigt.cases.api.AssignWorker;
import se.tidigt.cases.api.CaseClosed;
import se.tidigt.cases.api.CloseCase;
import se.tidigt.cases.api.ClosureReason;
import se.tidigt.cases.api.ProtectionNeedAssessed;
import se.tidigt.cases.api.WorkerFunction;

class BusinessTimeTest extends CaseFixture {

    @Test
    void a_step_recorded_late_keeps_its_true_date() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new AssessProtectionNeed(CASE, after(1), true, null))
                .expectEvents(new ProtectionNeedAssessed(CASE, HV, after(1), true));
    }

    @Test
    void a_step_in_the_future_is_rejected() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new AssessProtectionNeed(CASE, NOW.plusSeconds(60), false, null)), "assessedAt");
    }

    @Test
    void a_step_before_the_concern_is_rejected() {
        invalid(fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new AssessProtectionNeed(CASE, RECEIVED.minusSeconds(60), false, null)), "assessedAt");
    }

    @Test
    void a_case_is_closed_once() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new CloseCase(CASE, after(3), ClosureReason.NO_ACTION_NEEDED, null))
                .expectEvents(new CaseClosed(CASE, HV, after(3), ClosureReason.NO_ACTION_NEEDED));
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), new CaseClosed(CASE, HV, after(3), ClosureReason.OTHER))
                .when(new CloseCase(CASE, after(4), ClosureReason.OTHER, null)), "case-closed");
    }

    @Test
    void nothing_is_recorded_after_closure() {
        rejectedBy(fixture.givenCurrentTime(NOW).andGiven(raised(), new CaseClosed(CASE, HV, after(3), ClosureReason.OTHER))
                .when(new AssignWorker(CASE, "w-1", WorkerFunction.INTAKE, after(4), null)), "case-closed");
    }
}
