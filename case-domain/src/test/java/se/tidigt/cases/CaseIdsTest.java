package se.tidigt.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.RaiseConcern;
import se.tidigt.cases.api.ReporterCategory;

import java.util.Set;
import java.util.UUID;

/** A case cannot take an id that another aggregate (a tally, a district's rollout, a work model) will want. */
class CaseIdsTest extends CaseFixture {

    @Test
    void ids_of_other_aggregates_cannot_be_taken_by_a_case() {
        for (String squatted : new String[]{"open-access:bromma:2025-01:COUNSELLING", "bromma", "VALLINGBY_TEAM",
                "Case-1", "a/b", ""}) {
            invalid(fixture.givenCurrentTime(NOW).when(raise(squatted)), "caseId");
        }
    }

    @Test
    void server_made_and_lower_case_ids_with_a_digit_are_taken() {
        for (String id : new String[]{UUID.randomUUID().toString(), "case-1", "import.2022_7"}) {
            new CaseIdsTest().fixture.givenCurrentTime(NOW).when(raise(id)).expectSuccessfulHandlerExecution();
        }
    }

    private static RaiseConcern raise(String caseId) {
        return new RaiseConcern(caseId, HV, RECEIVED, ReporterCategory.POLICE, Set.of(ConcernKind.OTHER), CHILD_OF_12,
                "ORDINARY");
    }
}
