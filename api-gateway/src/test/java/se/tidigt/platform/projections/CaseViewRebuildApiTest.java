package se.tidigt.platform.projections;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The case view is kept write by write, folding each event into the view the last write left in
 * memory; a rebuild folds the same events from the store. Both must give the same table,
 * and a write after the rebuild must build on the rebuilt rows, not on what was cached before.
 */
class CaseViewRebuildApiTest extends ApiTest {
    private static final String ROWS = "SELECT case_id, district, work_model, status, child_pseudonym, received_at, "
            + "next_due_kind, next_due_date, version, document::text AS document FROM case_view ORDER BY case_id";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_case_view_rebuilt_from_the_store_equals_the_one_kept_write_by_write() {
        String first = raise();
        for (int i = 0; i < 5; i++) {
            collaborate(first);
        }
        assertThat(hv().post("/api/v1/cases/" + first + "/initial-assessment",
                Map.of("completedAt", daysAgo(8).toString(), "decision", "EARLY_SUPPORT")).status()).isEqualTo(200);
        assertThat(hv().post("/api/v1/cases/" + first + "/workers",
                Map.of("workerId", "worker-1", "function", "INVESTIGATION", "assignedAt", daysAgo(7).toString())).status())
                .isEqualTo(200);
        String second = raise();
        collaborate(second);
        assertThat(hv().post("/api/v1/cases/" + second + "/closure",
                Map.of("closedAt", daysAgo(1).toString(), "reason", "OTHER")).status()).isEqualTo(200);
        collaborate(first);
        List<Map<String, Object>> kept = jdbc.queryForList(ROWS);
        assertThat(kept).hasSizeGreaterThanOrEqualTo(2);

        assertThat(admin().post("/api/v1/admin/projections/case-view/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(caseView().at("/replay/state").asText()));

        assertThat(jdbc.queryForList(ROWS)).as("rebuilt").containsExactlyElementsOf(kept);
        Api.Response next = collaborate(first);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("version").asLong()).isEqualTo(10);
        JsonNode view = hv().get("/api/v1/cases/" + first).json();
        assertThat(view.get("version").asLong()).isEqualTo(10);
        assertThat(view.get("collaborations")).hasSize(7);
    }

    private String raise() {
        return hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(10))).json().get("caseId").asText();
    }

    private Api.Response collaborate(String caseId) {
        Api.Response response = hv().post("/api/v1/cases/" + caseId + "/collaborations",
                Map.of("partner", "SCHOOL", "kind", "MEETING", "occurredAt", daysAgo(2).toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private JsonNode caseView() {
        for (JsonNode projection : admin().get("/api/v1/admin/projections").json()) {
            if (projection.get("name").asText().equals("case-view")) {
                return projection;
            }
        }
        throw new AssertionError("no case-view projection");
    }

    private Api admin() {
        return as("admin");
    }
}
