package se.tidigt.gateway.cases;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/** A district user reads and writes only their own district; another district's case is, to them, a case that does not exist. */
class DistrictScopingApiTest extends ApiTest {

    @Test
    void another_districts_user_can_neither_read_nor_write_a_case() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2))).json().get("caseId").asText();
        assertProblem(as("farsta-admin").get("/api/v1/cases/" + caseId), 404);
        assertProblem(as("farsta-admin").post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)), 404);
    }

    @Test
    void a_user_cannot_raise_a_concern_in_another_district_or_read_its_lists() {
        assertProblem(hv().post("/api/v1/districts/farsta/cases", concern(daysAgo(2))), 403);
        assertProblem(hv().get("/api/v1/districts/farsta/cases"), 403);
        assertProblem(hv().get("/api/v1/districts/farsta/deadlines"), 403);
        assertProblem(hv().post("/api/v1/districts/farsta/cases/search", Map.of("personalIdentityNumber", childAged(4))), 403);
    }

    @Test
    void city_roles_see_no_cases() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2))).json().get("caseId").asText();
        assertProblem(as("analyst").get("/api/v1/cases/" + caseId), 403);
        assertProblem(as("admin").get("/api/v1/districts/hasselby-vallingby/cases"), 403);
    }

    @Test
    void a_transferred_case_belongs_to_its_new_district() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(5))).json().get("caseId").asText();
        assertThat(hv().post("/api/v1/cases/" + caseId + "/transfer",
                Map.of("toDistrict", "farsta", "transferredAt", daysAgo(1).toString())).status()).isEqualTo(200);

        assertProblem(hv().get("/api/v1/cases/" + caseId), 404);
        assertThat(as("farsta-admin").get("/api/v1/cases/" + caseId).json().get("district").asText()).isEqualTo("farsta");
    }
}
