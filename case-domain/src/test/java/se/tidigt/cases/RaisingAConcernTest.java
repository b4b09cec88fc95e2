package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.RaiseConcern;
import se.tidigt.cases.api.ReporterCategory;

import java.time.Instant;
import java.util.Set;

class RaisingAConcernTest extends CaseFixture {

    private static RaiseConcern concern(String district, Instant receivedAt, Set<ConcernKind> concerns) {
        return new RaiseConcern(CASE, district, receivedAt, ReporterCategory.POLICE, concerns, CHILD_OF_12, "ORDINARY");
    }

    @Test
    void a_concern_opens_a_case_with_the_work_model_in_force() {
        fixture.givenCurrentTime(NOW)
                .when(concern(HV, RECEIVED, Set.of(ConcernKind.SUBSTANCE_USE_RISK)))
                .expectEvents(new ConcernRaised(CASE, HV, RECEIVED, "ORDINARY", ReporterCategory.POLICE,
                        Set.of(ConcernKind.SUBSTANCE_USE_RISK), CHILD_OF_12));
    }

    @Test
    void a_concern_received_in_the_future_is_rejected() {
        invalid(fixture.givenCurrentTime(NOW).when(concern(HV, NOW.plusSeconds(3600), Set.of(ConcernKind.OTHER))),
                "receivedAt");
    }

    @Test
    void a_concern_must_say_what_it_is_about() {
        invalid(fixture.givenCurrentTime(NOW).when(concern(HV, RECEIVED, Set.of())), "concerns");
    }

    @Test
    void a_district_code_is_accepted_only_within_its_validity() {
        invalid(fixture.givenCurrentTime(NOW).when(concern("rinkeby-kista", RECEIVED, Set.of(ConcernKind.OTHER))),
                "district");
        invalid(fixture.givenCurrentTime(NOW).when(concern("jarva", Instant.parse("2023-03-01T10:00:00Z"),
                Set.of(ConcernKind.OTHER))), "district");
    }

    @Test
    void a_district_of_the_past_is_accepted_for_its_own_time() {
        Instant inPast = Instant.parse("2022-10-03T08:00:00Z");
        fixture.givenCurrentTime(NOW)
                .when(concern("rinkeby-kista", inPast, Set.of(ConcernKind.VIOLENCE)))
                .expectEvents(new ConcernRaised(CASE, "rinkeby-kista", inPast, "ORDINARY", ReporterCategory.POLICE,
                        Set.of(ConcernKind.VIOLENCE), CHILD_OF_12));
    }
}
