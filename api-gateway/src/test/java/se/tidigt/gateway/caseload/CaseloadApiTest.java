package se.tidigt.gateway.caseload;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Tokens;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * The district's caseload over HTTP: its open cases per worker and per filled post this month, each
 * with its n, and each worker's cases now; only for the district's own users, another district being
 * to them one that does not exist. In a context of its own: it counts every case of its district.
 */
@TestPropertySource(properties = "tidigt.test.context=district-work")
class CaseloadApiTest extends ApiTest {
    private static final String SKARPNACK = "/api/v1/districts/skarpnack";

    @Test
    void the_month_counts_the_open_cases_per_worker_and_per_filled_post_with_their_n() {
        Api worker = bearer(Tokens.forRole("kim.worker", "DISTRICT_WORKER", "skarpnack"));
        String month = YearMonth.now(ZoneId.of("Europe/Stockholm")).toString();
        assertThat(as("admin").post(SKARPNACK + "/rollout/staffing", Map.of("effectiveFrom", LocalDate.now().minusYears(1).toString(),
                "budgetedFte", 4, "filledFte", 2)).status()).isEqualTo(201);
        for (String staff : new String[]{"w-kim", "w-kim", "w-lo"}) {
            String caseId = worker.post(SKARPNACK + "/cases", concern(daysAgo(5))).json().get("caseId").asText();
            assertThat(worker.post("/api/v1/cases/" + caseId + "/workers", Map.of("workerId", staff, "function", "INTAKE",
                    "assignedAt", daysAgo(4).toString())).status()).isEqualTo(200);
        }
        String closed = worker.post(SKARPNACK + "/cases", concern(daysAgo(5))).json().get("caseId").asText();
        // A closure is the supervisor's under the default delegation: decided alone, not proposed.
        Api supervisor = bearer(Tokens.forRole("sam.supervisor", "DISTRICT_SUPERVISOR", "skarpnack"));
        assertThat(supervisor.post("/api/v1/cases/" + closed + "/closure", Map.of("closedAt", daysAgo(3).toString(),
                "reason", "NO_ACTION_NEEDED")).status()).isEqualTo(200);

        JsonNode load = worker.get(SKARPNACK + "/caseload?from=" + month + "&to=" + month).json();

        JsonNode now = load.get("months").get(0);
        assertThat(now.get("month").asText()).isEqualTo(month);
        assertThat(now.get("openCases").asInt()).isEqualTo(3);
        assertThat(now.get("workers").asInt()).isEqualTo(2);
        assertThat(now.get("openCasesPerWorker").get("value").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(now.get("openCasesPerWorker").get("n").asInt()).isEqualTo(3);
        assertThat(now.get("filledFte").decimalValue()).isEqualByComparingTo("2");
        assertThat(now.get("openCasesPerFilledFte").get("value").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(now.get("openCasesPerFilledFte").get("per").decimalValue()).isEqualByComparingTo("2");
        assertThat(load.get("workersNow").get(0).get("workerId").asText()).isEqualTo("w-kim");
        assertThat(load.get("workersNow").get(0).get("openCases").asInt()).isEqualTo(2);
        assertThat(worker.get(SKARPNACK + "/caseload").json().get("months")).as("the last 12 months by default").hasSize(12);
    }

    @Test
    void a_case_transferred_away_counts_for_its_first_district_until_the_transfer_and_for_the_next_from_then() {
        Api supervisor = bearer(Tokens.forRole("tove.supervisor", "DISTRICT_SUPERVISOR", "skarpnack"));
        YearMonth then = YearMonth.from(daysAgo(40).atZone(ZoneId.of("Europe/Stockholm")));
        String caseId = supervisor.post(SKARPNACK + "/cases", concern(daysAgo(40))).json().get("caseId").asText();
        long thenBefore = openCases(supervisor, SKARPNACK, then);
        long nowBefore = openCases(supervisor, SKARPNACK, YearMonth.now(ZoneId.of("Europe/Stockholm")));

        assertThat(supervisor.post("/api/v1/cases/" + caseId + "/transfer", Map.of("toDistrict", "farsta",
                "transferredAt", daysAgo(1).toString())).status()).isEqualTo(200);

        assertThat(openCases(supervisor, SKARPNACK, then)).as("still the district's case at the end of that month").isEqualTo(thenBefore);
        assertThat(openCases(supervisor, SKARPNACK, YearMonth.now(ZoneId.of("Europe/Stockholm")))).isEqualTo(nowBefore - 1);
        Api farsta = bearer(Tokens.forRole("frida.supervisor", "DISTRICT_SUPERVISOR", "farsta"));
        assertThat(openCases(farsta, "/api/v1/districts/farsta", YearMonth.now(ZoneId.of("Europe/Stockholm")))).isGreaterThanOrEqualTo(1);
    }

    private static long openCases(Api api, String district, YearMonth month) {
        return api.get(district + "/caseload?from=" + month + "&to=" + month).json().get("months").get(0).get("openCases").asLong();
    }

    @Test
    void another_districts_caseload_is_to_a_district_user_a_district_that_does_not_exist() {
        Api farsta = bearer(Tokens.forRole("farsta.worker", "DISTRICT_WORKER", "farsta"));
        JsonNode other = assertProblem(farsta.get(SKARPNACK + "/caseload"), 404);
        JsonNode unknown = assertProblem(farsta.get("/api/v1/districts/atlantis/caseload"), 404);
        assertThat(other.get("title")).isEqualTo(unknown.get("title"));
        assertThat(other.get("type")).isEqualTo(unknown.get("type"));
        assertProblem(as("analyst").get(SKARPNACK + "/caseload"), 403);
        assertProblem(bearer(Tokens.forRole("s.worker", "DISTRICT_WORKER", "skarpnack")).get(SKARPNACK + "/caseload?from=2026-05&to=2026-01"), 400);
        assertProblem(bearer(Tokens.forRole("s.worker", "DISTRICT_WORKER", "skarpnack")).get(SKARPNACK + "/caseload?from=2015-01&to=2026-01"), 400);
    }
}
