package se.tidigt.gateway.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Children;
import se.tidigt.personaldata.Weeding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Weeding end to end against PostgreSQL: the dry run lists the files due (last entry more than five
 * years before the year) and those kept for research, changes nothing; the run erases what it listed,
 * as the actor "weeding", and stores its report. Its own database (another context), because weeding
 * would erase other test classes' old cases.
 */
@TestPropertySource(properties = "tidigt.weeding.daily-at=03:17")
class WeedingApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";
    private static final int YEAR = LocalDate.now().getYear();

    @Autowired
    Weeding weeding;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_dry_run_lists_what_is_due_and_the_run_weeds_it_except_research_files() {
        Instant sevenYearsAgo = LocalDate.of(YEAR - 7, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC);
        String due = raise(Children.numberFor(LocalDate.of(YEAR - 17, 4, 6), 71), sevenYearsAgo);
        String research = raise(Children.numberFor(LocalDate.of(YEAR - 17, 4, 15), 72), sevenYearsAgo);
        String recent = raise(Children.numberFor(LocalDate.of(YEAR - 10, 4, 6), 73), daysAgo(3));
        String lastEntryFiveYearsAgo = raise(Children.numberFor(LocalDate.of(YEAR - 12, 4, 6), 74),
                LocalDate.of(YEAR - 5, 1, 2).atStartOfDay().toInstant(ZoneOffset.UTC));

        JsonNode preview = as("admin").get("/api/v1/admin/weeding/preview?year=" + YEAR).json();
        assertThat(caseIds(preview.get("weeded"))).containsExactly(due);
        assertThat(caseIds(preview.get("kept"))).containsExactly(research);
        assertThat(preview.get("n").asInt()).isEqualTo(2);
        assertThat(as("admin").get("/api/v1/admin/weeding/preview?year=" + (YEAR + 1)).json().get("toWeed").asInt())
                .as("next year the file whose last entry was five years ago is due too").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_key WHERE erased_at IS NOT NULL", Long.class))
                .as("the dry run changed nothing").isZero();

        Weeding.Report report = weeding.run(YEAR);
        assertThat(report.weeded()).isEqualTo(1);
        assertThat(report.keptForResearch()).isEqualTo(1);
        assertThat(report.weededCases()).extracting(Weeding.File::caseId).containsExactly(due);
        assertThat(jdbc.queryForList("SELECT case_id FROM case_key WHERE erasure_ground = 'WEEDING'", String.class))
                .containsExactly(due);
        assertThat(jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber DESC LIMIT 1", String.class, due)).contains("\"actorUser\":\"weeding\"");
        assertThat(hv().get("/api/v1/cases/" + due).json().get("personalDataErasedAt").isNull()).isFalse();
        assertThat(hv().get("/api/v1/cases/" + research).json().has("personalDataErasedAt")).isFalse();
        assertThat(hv().get("/api/v1/cases/" + recent).status()).isEqualTo(200);
        assertThat(lastEntryFiveYearsAgo).isNotBlank();

        JsonNode reports = as("admin").get("/api/v1/admin/weeding/reports?year=" + YEAR).json();
        assertThat(reports).hasSize(1);
        assertThat(as("admin").get("/api/v1/admin/weeding/preview?year=" + YEAR).json().get("toWeed").asInt())
                .as("weeded files are not weeded twice").isZero();
    }

    @Test
    void the_preview_needs_a_year() {
        assertProblem(as("admin").get("/api/v1/admin/weeding/preview"), 400);
        assertProblem(as("admin").get("/api/v1/admin/weeding/preview?year=12"), 400);
    }

    private String raise(String child, Instant receivedAt) {
        var raised = hv().post(HV + "/cases", concern(child, receivedAt));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return raised.json().get("caseId").asText();
    }

    private static List<String> caseIds(JsonNode files) {
        List<String> ids = new ArrayList<>();
        files.forEach(f -> ids.add(f.get("caseId").asText()));
        return ids;
    }
}
