package se.tidigt.gateway.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The personal identity number is turned into a pseudonym at the edge and free text about a family is
 * sealed with the case's key: after real requests (good ones with Idempotency-Keys, a search, a refused
 * one, an extension with a reason, an erasure), every text and binary column of every table (the
 * idempotency records, the key table and any table added later included) and the log are scanned for
 * the number in both of its written forms and for the free text: in clear, in hex and as an unkeyed
 * SHA-256 (which anyone could compute from a guess).
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityNumberNeverStoredTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_identity_number_and_free_text_are_in_no_table_and_no_log_line(CapturedOutput output) {
        String number = childAged(13);
        String digits = number.replace("-", "");
        String freeText = "Pappan har berättat om oro " + UUID.randomUUID();
        Api hv = hv().with("Idempotency-Key", "privacy-" + UUID.randomUUID());
        String caseId = hv.post("/api/v1/districts/hasselby-vallingby/cases", concern(number, daysAgo(4))).json()
                .get("caseId").asText();
        hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(digits, daysAgo(3)));
        hv().post("/api/v1/districts/hasselby-vallingby/cases/search", Map.of("personalIdentityNumber", number));
        hv().post("/api/v1/districts/hasselby-vallingby/cases", Map.of("child", Map.of("personalIdentityNumber", number)));
        hv().post("/api/v1/cases/" + caseId + "/initial-assessment",
                Map.of("completedAt", daysAgo(3).toString(), "decision", "OPEN_INVESTIGATION"));
        hv().post("/api/v1/cases/" + caseId + "/investigation", Map.of("openedAt", daysAgo(2).toString()));
        var extended = hv().with("Idempotency-Key", "privacy-ext-" + UUID.randomUUID()).post("/api/v1/cases/" + caseId
                + "/investigation/extension", Map.of("newDueDate", LocalDate.now().plusMonths(6).toString(), "reason", freeText));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(hv().get("/api/v1/cases/" + caseId).body()).as("the reader sees it opened").contains(freeText);
        String other = hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(childAged(8), daysAgo(2))).json()
                .get("caseId").asText();
        assertThat(as("admin").delete("/api/v1/cases/" + other + "/personal-data").status()).isEqualTo(200);

        Map<String, String> needles = needles(Map.of("number", number, "digits", digits, "free text", freeText));
        List<String> columns = textAndBinaryColumns();
        assertThat(columns).contains("domainevententry.payload", "domainevententry.metadata", "case_view.document",
                "idempotent_request.request_hash", "idempotent_request.body", "case_key.wrapped_key");
        for (String column : columns) {
            String table = column.split("\\.")[0];
            for (Map.Entry<String, String> needle : needles.entrySet()) {
                Long hits = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE position(lower(?) in lower("
                        + asText(column) + ")) > 0", Long.class, needle.getValue());
                assertThat(hits).as(column + " holds the " + needle.getKey()).isZero();
            }
        }
        for (Map.Entry<String, String> needle : needles.entrySet()) {
            assertThat(output.getAll()).as("the log holds the " + needle.getKey()).doesNotContainIgnoringCase(needle.getValue());
        }
    }

    /** Each secret in clear, in hex and as an unkeyed SHA-256 (hex). */
    private static Map<String, String> needles(Map<String, String> secrets) {
        Map<String, String> needles = new LinkedHashMap<>();
        secrets.forEach((name, value) -> {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            needles.put(name + " in clear", value);
            needles.put(name + " in hex", HexFormat.of().formatHex(bytes));
            needles.put(name + " as SHA-256", HexFormat.of().formatHex(sha256(bytes)));
        });
        return needles;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> textAndBinaryColumns() {
        List<String> columns = new ArrayList<>();
        jdbc.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND data_type IN ('bytea', 'text', 'character varying', 'jsonb', 'character', 'json', 'ARRAY')",
                rs -> {
                    columns.add(rs.getString(1) + "." + rs.getString(2));
                });
        return columns;
    }

    /** Text as text (compared without case); bytes both as their text and as lower-case hex, so a value stored as raw bytes is found too. */
    private String asText(String column) {
        String type = jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = ? AND column_name = ?", String.class, column.split("\\.")[0], column.split("\\.")[1]);
        return "bytea".equals(type) ? "(encode(" + column + ", 'escape') || ' ' || encode(" + column + ", 'hex'))"
                : column + "::text";
    }
}
