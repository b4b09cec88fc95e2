package se.tidigt.gateway.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.personaldata.CaseTexts;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Free text reaches the case view only sealed. An extension whose reason is in clear (recorded before
 * sealing, or arriving as a foreign event: here inserted with SQL) is not copied into
 * {@code case_view.document}, not even by a rebuild; and once the case is erased the auditor's history
 * no longer shows it either.
 */
class ClearTextNeverKeptApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_reason_in_clear_is_kept_out_of_the_case_view_and_out_of_the_history_after_erasure() {
        String caseId = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(20))).json().get("caseId").asText();
        assertThat(hv().post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(15).toString(), "decision", "OPEN_INVESTIGATION")).status()).isEqualTo(200);
        assertThat(hv().post("/api/v1/cases/" + caseId + "/investigation", Map.of("openedAt", daysAgo(14).toString()))
                .status()).isEqualTo(200);
        String sealedByTheApi = "Väntar på skolans underlag " + UUID.randomUUID();
        assertThat(hv().post("/api/v1/cases/" + caseId + "/investigation/extension",
                Map.of("newDueDate", LocalDate.now().plusMonths(5).toString(), "reason", sealedByTheApi)).status()).isEqualTo(200);
        String inClear = "Mamman har berättat om våld " + UUID.randomUUID();
        long next = jdbc.queryForObject("SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, caseId);
        // A copy of the API's extension with its reason replaced by clear text, as a foreign event would carry it.
        assertThat(jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) SELECT aggregateidentifier, ?, type, ?, metadata, "
                + "convert_to((convert_from(payload, 'UTF8')::jsonb || jsonb_build_object('sealedReason', ?::text, "
                + "'newDueDate', ?::text))::text, 'UTF8'), payloadrevision, payloadtype, timestamp FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%InvestigationExtended'",
                next, UUID.randomUUID().toString(), inClear, LocalDate.now().plusMonths(6).toString(), caseId)).isEqualTo(1);

        Api admin = as("admin");
        assertThat(admin.post("/api/v1/admin/projections/case-view/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(caseView(admin).at("/replay/state").asText()));
        String document = jdbc.queryForObject("SELECT document::text FROM case_view WHERE case_id = ?", String.class, caseId);
        assertThat(document).as("the rebuilt view holds the second extension").contains(LocalDate.now().plusMonths(6).toString());
        assertThat(document).doesNotContain(inClear).doesNotContain(sealedByTheApi);
        assertThat(hv().get("/api/v1/cases/" + caseId).body()).contains(sealedByTheApi).doesNotContain(inClear);

        Api auditor = as("auditor");
        assertThat(auditor.get("/api/v1/audit/cases/" + caseId + "/history").body()).as("before the erasure the auditor sees "
                + "what the event holds").contains(inClear);
        // The case may still be cached as it was before the event inserted behind the application's back: the
        // first write is then refused as a concurrent one (409), which evicts it, and the next one is decided anew.
        int erased = admin.delete("/api/v1/cases/" + caseId + "/personal-data").status();
        if (erased == 409) {
            erased = admin.delete("/api/v1/cases/" + caseId + "/personal-data").status();
        }
        assertThat(erased).isEqualTo(200);
        String history = auditor.get("/api/v1/audit/cases/" + caseId + "/history").body();
        assertThat(history).doesNotContain(inClear).doesNotContain(sealedByTheApi).contains(CaseTexts.ERASED);
        assertThat(jdbc.queryForObject("SELECT document::text FROM case_view WHERE case_id = ?", String.class, caseId))
                .doesNotContain(inClear).doesNotContain(sealedByTheApi);
    }

    private static JsonNode caseView(Api admin) {
        for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
            if (projection.get("name").asText().equals("case-view")) {
                return projection;
            }
        }
        throw new AssertionError("no case-view projection");
    }
}
