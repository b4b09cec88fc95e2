package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.*;

/** Erasing a case's personal details is a fact of its own, possible in any state. */
class ErasureTest extends CaseFixture {

    @Test
    void erasing_an_open_case_records_the_erasure_at_the_time_it_is_done() {
        fixture.givenCurrentTime(NOW).andGiven(raised())
                .when(new ErasePersonalData(CASE, ErasureGround.REQUEST))
                .expectEvents(new PersonalDataErased(CASE, HV, NOW, ErasureGround.REQUEST));
    }

    @Test
    void a_closed_case_can_be_weeded() {
        fixture.givenCurrentTime(NOW).andGiven(raised(), new CaseClosed(CASE, HV, after(30), ClosureReason.SUPPORT_COMPLETED))
                .when(new ErasePersonalData(CASE, ErasureGround.WEEDING))
                .expectEvents(new PersonalDataErased(CASE, HV, NOW, ErasureGround.WEEDING));
    }
}
