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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Crypto-shredding end to end: free text is stored sealed with the case's key; erasing the case's
 * personal data destroys the key, so the text reads as erased, the child's other case is no longer
 * linked, the facts still count, and not one stored event byte changed.
 */
class ErasureApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void erasing_a_case_makes_its_free_text_unreadable_cuts_the_childs_link_and_keeps_the_counts() {
        String child = childAged(11);
        String reason = "Väntar på BUP-bedömning " + UUID.randomUUID();
        String erased = raise(child);
        String kept = raise(child);
        extend(erased, reason);
        assertThat(extensions(erased).get(0).get("reason").asText()).isEqualTo(reason);
        assertThat(searchByChild(child)).containsExactlyInAnyOrder(erased, kept);
        awaitStatisticsOf(erased, "erased:", false);
        List<byte[]> storedBefore = storedEvents(erased);

        var answer = as("admin").delete("/api/v1/cases/" + erased + "/personal-data");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

        JsonNode view = hv().get("/api/v1/cases/" + erased).json();
        assertThat(view.get("personalDataErasedAt").isNull()).isFalse();
        assertThat(extensions(erased).get(0).get("reason").asText()).isEqualTo("(erased)");
        assertThat(searchByChild(child)).containsExactly(kept);
        assertThat(storedEvents(erased)).as("no stored event rewritten, one added").hasSize(storedBefore.size() + 1)
                .startsWith(storedBefore.toArray(byte[][]::new));
        Map<String, Object> last = jdbc.queryForMap("SELECT payloadtype, convert_from(metadata, 'UTF8') AS metadata "
                + "FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", erased);
        assertThat(last.get("payloadtype")).isEqualTo("se.tidigt.cases.api.PersonalDataErased");
        assertThat((String) last.get("metadata")).contains("\"actorUser\":\"admin\"");
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL FROM case_key WHERE case_id = ?", Boolean.class, erased))
                .isTrue();
        awaitStatisticsOf(erased, "erased:", true);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_fact WHERE case_id IN (?, ?)", Long.class, erased, kept))
                .as("both cases still count").isEqualTo(2);
    }

    @Test
    void an_auditor_reads_sealed_text_opened_until_the_erasure_and_the_chain_still_verifies_after_it() {
        String reason = "Skolans utredning dröjer " + UUID.randomUUID();
        String caseId = raise(childAged(10));
        extend(caseId, reason);
        assertThat(openedReasons(caseId)).containsExactly(reason);
        assertThat(as("auditor").get("/api/v1/audit/cases/" + caseId + "/state?asOf=" + java.time.Instant.now()).json()
                .at("/state/progress/investigation/extensions/0/reason").asText()).isEqualTo(reason);

        assertThat(as("admin").delete("/api/v1/cases/" + caseId + "/personal-data").status()).isEqualTo(200);

        assertThat(openedReasons(caseId)).containsExactly(CaseTexts.ERASED);
        JsonNode verified = as("auditor").get("/api/v1/audit/cases/" + caseId + "/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("events").asInt()).isEqualTo(storedEvents(caseId).size());
    }

    private List<String> openedReasons(String caseId) {
        JsonNode events = as("auditor").get("/api/v1/audit/cases/" + caseId + "/history").json().get("events");
        return java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("InvestigationExtended"))
                .map(e -> e.at("/openedText/sealedReason").asText()).toList();
    }

    @Test
    void no_new_free_text_can_be_recorded_on_an_erased_case() {
        String caseId = raise(childAged(9));
        openInvestigation(caseId);
        assertThat(as("admin").delete("/api/v1/cases/" + caseId + "/personal-data").status()).isEqualTo(200);
        assertProblem(hv().post("/api/v1/cases/" + caseId + "/investigation/extension",
                Map.of("newDueDate", LocalDate.now().plusMonths(6).toString(), "reason", "Ny uppgift")), 409);
        assertThat(as("admin").delete("/api/v1/cases/" + caseId + "/personal-data").status())
                .as("erasing again is harmless").isEqualTo(200);
    }

    @Test
    void erasing_an_unknown_case_is_404() {
        assertProblem(as("admin").delete("/api/v1/cases/" + UUID.randomUUID() + "/personal-data"), 404);
    }

    private String raise(String child) {
        return hv().post(HV + "/cases", concern(child, daysAgo(20))).json().get("caseId").asText();
    }

    private void openInvestigation(String caseId) {
        Api hv = hv();
        assertThat(hv.post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(15).toString(), "decision", "OPEN_INVESTIGATION")).status()).isEqualTo(200);
        assertThat(hv.post("/api/v1/cases/" + caseId + "/investigation", Map.of("openedAt", daysAgo(14).toString()))
                .status()).isEqualTo(200);
    }

    private void extend(String caseId, String reason) {
        openInvestigation(caseId);
        var extended = hv().post("/api/v1/cases/" + caseId + "/investigation/extension",
                Map.of("newDueDate", LocalDate.now().plusMonths(6).toString(), "reason", reason));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
    }

    private JsonNode extensions(String caseId) {
        return hv().get("/api/v1/cases/" + caseId).json().path("progress").path("investigation").path("extensions");
    }

    private List<String> searchByChild(String child) {
        JsonNode found = hv().post(HV + "/cases/search", Map.of("personalIdentityNumber", child)).json();
        return java.util.stream.StreamSupport.stream(found.spliterator(), false).map(c -> c.get("caseId").asText()).toList();
    }

    private List<byte[]> storedEvents(String caseId) {
        return jdbc.query("SELECT payload || coalesce(metadata, ''::bytea) FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", (rs, row) -> rs.getBytes(1), caseId);
    }

    private void awaitStatisticsOf(String caseId, String prefix, boolean erased) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> pseudonyms = jdbc.queryForList("SELECT child_pseudonym FROM case_fact WHERE case_id = ?",
                    String.class, caseId);
            assertThat(pseudonyms).hasSize(1);
            assertThat(pseudonyms.get(0).startsWith(prefix)).isEqualTo(erased);
        });
    }
}
