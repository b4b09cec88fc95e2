package se.tidigt.gateway.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The personal identity number is turned into a pseudonym at the edge and is in no event, no table
 * and no log line: after real requests (good ones, a search, a refused one), every text and binary
 * column of every table is scanned for it, in both of its written forms.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityNumberNeverStoredTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_identity_number_is_in_no_table_and_no_log_line(CapturedOutput output) {
        String number = childAged(13);
        String digits = number.replace("-", "");
        Api hv = hv().with("Idempotency-Key", "privacy-" + digits.hashCode());
        String caseId = hv.post("/api/v1/districts/hasselby-vallingby/cases", concern(number, daysAgo(4))).json()
                .get("caseId").asText();
        hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(digits, daysAgo(3)));
        hv().post("/api/v1/districts/hasselby-vallingby/cases/search", Map.of("personalIdentityNumber", number));
        hv().post("/api/v1/districts/hasselby-vallingby/cases", Map.of("child", Map.of("personalIdentityNumber", number)));
        assertThat(hv().get("/api/v1/cases/" + caseId).status()).isEqualTo(200);

        List<String> columns = textAndBinaryColumns();
        assertThat(columns).contains("domainevententry.payload", "domainevententry.metadata", "case_view.document");
        for (String column : columns) {
            String[] parts = column.split("\\.");
            Long hits = jdbc.queryForObject("SELECT count(*) FROM " + parts[0] + " WHERE position(? in " + asText(column)
                    + ") > 0 OR position(? in " + asText(column) + ") > 0", Long.class, number, digits);
            assertThat(hits).as(column).isZero();
        }
        assertThat(output.getAll()).doesNotContain(number).doesNotContain(digits);
    }

    private List<String> textAndBinaryColumns() {
        List<String> columns = new ArrayList<>();
        jdbc.query("SELECT table_name, column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND data_type IN ('bytea', 'text', 'character varying', 'jsonb', 'character')",
                rs -> {
                    columns.add(rs.getString(1) + "." + rs.getString(2) + ":" + rs.getString(3));
                });
        return columns.stream().map(c -> c.substring(0, c.indexOf(':'))).toList();
    }

    private String asText(String column) {
        String type = jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND table_name = ? AND column_name = ?", String.class, column.split("\\.")[0], column.split("\\.")[1]);
        return "bytea".equals(type) ? "encode(" + column + ", 'escape')" : column + "::text";
    }
}
