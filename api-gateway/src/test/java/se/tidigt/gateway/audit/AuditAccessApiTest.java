package se.tidigt.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.EventStoreCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.audit.AuditCases.raise;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** Only auditors reach the audit endpoints, auditors never write, and every read of case data is logged. */
class AuditAccessApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyone_but_an_auditor_gets_403_on_the_audit_endpoints_and_no_credentials_401() {
        String caseId = raise(hv(), "hasselby-vallingby", daysAgo(2));
        List<String> paths = List.of("/api/v1/audit/cases/" + caseId + "/history", "/api/v1/audit/cases/" + caseId
                        + "/state?asOf=2025-01-01T00:00:00Z", "/api/v1/audit/cases/" + caseId + "/verify",
                "/api/v1/audit/cases/" + caseId + "/export", "/api/v1/audit/digests/2025-01-01",
                "/api/v1/audit/digests/2025-01-01/verify", "/api/v1/audit/access-log", "/api/v1/audit/access-log/verify");
        for (String path : paths) {
            for (String user : new String[]{"hv-admin", "analyst", "admin"}) {
                assertProblem(as(user).get(path), 403);
            }
            assertProblem(anonymous().get(path), 401);
        }
        // Authorization before validation: a bad page size is still 403 for a district user.
        assertProblem(hv().get("/api/v1/audit/cases/" + caseId + "/history?size=0"), 403);
    }

    @Test
    void an_auditor_never_writes_nor_sees_a_district_worklist_or_case_as_if_it_were_theirs() {
        String caseId = raise(hv(), "hasselby-vallingby", daysAgo(2));
        Api auditor = as("auditor");
        EventStoreCounter store = new EventStoreCounter(jdbc);
        long before = store.stored();

        assertProblem(auditor.post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(1))), 403);
        assertProblem(auditor.post("/api/v1/cases/" + caseId + "/protection-assessment",
                Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)), 403);
        assertProblem(auditor.post("/api/v1/cases/" + caseId + "/closure",
                Map.of("closedAt", daysAgo(1).toString(), "reason", "no")), 403);
        assertProblem(auditor.postRaw("/api/v1/import", "{\"type\":\"AssessProtectionNeed\",\"caseId\":\"" + caseId
                + "\",\"assessedAt\":\"" + daysAgo(1) + "\",\"immediateProtectionNeeded\":false}", "application/x-ndjson"), 403);
        assertProblem(auditor.post("/api/v1/work-models", Map.of("code", "X", "name", "X", "principles", List.of())), 403);
        assertProblem(auditor.get("/api/v1/districts/hasselby-vallingby/deadlines"), 403);
        assertProblem(auditor.get("/api/v1/districts/hasselby-vallingby/cases"), 403);
        assertProblem(auditor.get("/api/v1/cases/" + caseId), 403);
        assertThat(store.stored()).isEqualTo(before);
    }

    @Test
    void reading_a_case_as_a_district_user_and_as_an_auditor_each_leaves_an_access_log_entry() {
        String caseId = raise(hv(), "hasselby-vallingby", daysAgo(2));
        assertThat(hv().with("X-Correlation-Id", "read-by-district").get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(as("auditor").with("X-Correlation-Id", "read-by-auditor")
                .get("/api/v1/audit/cases/" + caseId + "/history").status()).isEqualTo(200);

        JsonNode entries = as("auditor").get("/api/v1/audit/access-log?caseId=" + caseId).json().get("entries");

        assertThat(entries).hasSize(2);
        JsonNode byAuditor = entries.get(0);
        assertThat(byAuditor.get("user").asText()).isEqualTo("auditor");
        assertThat(byAuditor.get("role").asText()).isEqualTo("AUDITOR");
        assertThat(byAuditor.has("district")).isFalse();
        assertThat(byAuditor.get("endpoint").asText()).isEqualTo("GET /api/v1/audit/cases/{caseId}/history");
        assertThat(byAuditor.get("correlationId").asText()).isEqualTo("read-by-auditor");
        assertThat(byAuditor.get("caseIds").toString()).isEqualTo("[\"" + caseId + "\"]");
        JsonNode byDistrict = entries.get(1);
        assertThat(byDistrict.get("user").asText()).isEqualTo("hv-admin");
        assertThat(byDistrict.get("role").asText()).isEqualTo("DISTRICT_ADMIN");
        assertThat(byDistrict.get("district").asText()).isEqualTo("hasselby-vallingby");
        assertThat(byDistrict.get("endpoint").asText()).isEqualTo("GET /api/v1/cases/{caseId}");
        assertThat(byDistrict.get("path").asText()).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(byDistrict.get("correlationId").asText()).isEqualTo("read-by-district");
        assertThat(byDistrict.get("position").asLong()).isLessThan(byAuditor.get("position").asLong());
    }

    @Test
    void the_case_list_the_search_and_the_worklist_log_the_cases_they_show_and_statistics_log_the_query() {
        String district = "skarholmen";
        Api worker = as("skarholmen-admin");
        String child = se.tidigt.gateway.support.CaseRequests.childAged(9);
        Api.Response raised = worker.post("/api/v1/districts/" + district + "/cases", concern(child, daysAgo(1)));
        String caseId = raised.json().get("caseId").asText();

        assertThat(worker.get("/api/v1/districts/" + district + "/cases").status()).isEqualTo(200);
        assertThat(worker.post("/api/v1/districts/" + district + "/cases/search",
                Map.of("personalIdentityNumber", child)).status()).isEqualTo(200);
        assertThat(worker.get("/api/v1/districts/" + district + "/deadlines").status()).isEqualTo(200);
        assertThat(as("analyst").get("/api/v1/stats/city?groupBy=district").status()).isEqualTo(200);

        Api auditor = as("auditor");
        List<String> endpoints = new ArrayList<>();
        auditor.get("/api/v1/audit/access-log?caseId=" + caseId).json().get("entries")
                .forEach(e -> endpoints.add(e.get("endpoint").asText()));
        assertThat(endpoints).containsExactly("GET /api/v1/districts/{district}/deadlines",
                "POST /api/v1/districts/{district}/cases/search", "GET /api/v1/districts/{district}/cases");
        JsonNode stats = auditor.get("/api/v1/audit/access-log?user=analyst&size=1").json().get("entries").get(0);
        assertThat(stats.get("endpoint").asText()).isEqualTo("GET /api/v1/stats/city");
        assertThat(stats.get("path").asText()).isEqualTo("/api/v1/stats/city?groupBy=district");
        assertThat(stats.get("caseIds")).isEmpty();
        // The identity number searched for is in no entry.
        assertThat(auditor.with("Accept", "text/csv").get("/api/v1/audit/access-log?size=500").body()).doesNotContain(child);
    }

    @Test
    void every_auditor_read_is_itself_logged_and_the_access_log_answers_csv_and_verifies() {
        Api auditor = as("auditor");
        auditor.get("/api/v1/audit/access-log/verify");
        JsonNode last = auditor.get("/api/v1/audit/access-log?user=auditor&size=1").json();
        assertThat(last.at("/entries/0/endpoint").asText()).isEqualTo("GET /api/v1/audit/access-log/verify");

        Api.Response csv = auditor.with("Accept", "text/csv").get("/api/v1/audit/access-log?user=auditor&size=2");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("position,readAt,user,role,district,endpoint,path,caseIds,correlationId,entryHash");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",auditor,AUDITOR,,GET /api/v1/audit/access-log,");

        JsonNode verified = auditor.get("/api/v1/audit/access-log/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("entries").asLong()).isGreaterThan(2);

        assertProblem(auditor.get("/api/v1/audit/access-log?from=last-week"), 400);
        assertProblem(auditor.get("/api/v1/audit/access-log?size=501"), 400);
        JsonNode none = auditor.get("/api/v1/audit/access-log?user=auditor&from=2020-01-01&to=2020-01-02").json();
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void concurrent_reads_each_leave_one_entry_and_the_chain_stays_whole() throws Exception {
        String caseId = raise(hv(), "hasselby-vallingby", daysAgo(2));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(pool.submit(() -> hv().get("/api/v1/cases/" + caseId).status()));
            }
            for (var read : reads) {
                assertThat(read.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(as("auditor").get("/api/v1/audit/access-log?caseId=" + caseId).json().get("total").asLong()).isEqualTo(40);
        JsonNode verified = as("auditor").get("/api/v1/audit/access-log/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(jdbc.queryForObject("SELECT max(position) = count(*) FROM access_log", Boolean.class)).isTrue();
    }

    @Test
    void the_openapi_document_describes_every_audit_endpoint_and_its_errors() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        for (String path : List.of("/api/v1/audit/cases/{caseId}/history", "/api/v1/audit/cases/{caseId}/state",
                "/api/v1/audit/cases/{caseId}/verify", "/api/v1/audit/cases/{caseId}/export",
                "/api/v1/audit/digests/{date}", "/api/v1/audit/digests/{date}/verify", "/api/v1/audit/access-log",
                "/api/v1/audit/access-log/verify")) {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("summary").asText()).as(path).isNotBlank();
            assertThat(get.path("responses").path("403").path("description").asText()).as(path).contains("auditor");
            assertThat(get.path("responses").fieldNames()).toIterable().as(path).contains("200", "400", "401", "404", "503");
        }
        assertThat(paths.at("/~1api~1v1~1audit~1cases~1{caseId}~1history/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(paths.at("/~1api~1v1~1audit~1access-log/get/responses/200/content").has("text/csv")).isTrue();
    }

    @Test
    void an_auditor_finds_a_childs_cases_in_every_district_by_the_identity_number_in_the_body_and_the_read_is_logged() {
        String child = se.tidigt.gateway.support.CaseRequests.childAged(9);
        Api.Response first = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(child, daysAgo(5)));
        Api.Response second = as("jarva-admin").post("/api/v1/districts/jarva/cases", concern(child, daysAgo(3)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Api auditor = as("auditor");

        JsonNode found = auditor.post("/api/v1/audit/cases/search", Map.of("personalIdentityNumber", child)).json().get("cases");

        assertThat(found).extracting(c -> c.get("caseId").asText())
                .containsExactly(first.json().get("caseId").asText(), second.json().get("caseId").asText());
        assertThat(found).extracting(c -> c.get("district").asText()).containsExactly("hasselby-vallingby", "jarva");
        JsonNode logged = auditor.get("/api/v1/audit/access-log?user=auditor&caseId=" + second.json().get("caseId").asText())
                .json().get("entries").get(0);
        assertThat(logged.get("endpoint").asText()).isEqualTo("POST /api/v1/audit/cases/search");
        assertThat(logged.toString()).doesNotContain(child);
        assertProblem(auditor.post("/api/v1/audit/cases/search", Map.of("personalIdentityNumber", "19000101-0000")), 400);
        assertProblem(hv().post("/api/v1/audit/cases/search", Map.of("personalIdentityNumber", child)), 403);
        assertProblem(anonymous().post("/api/v1/audit/cases/search", Map.of("personalIdentityNumber", child)), 401);
    }
}
