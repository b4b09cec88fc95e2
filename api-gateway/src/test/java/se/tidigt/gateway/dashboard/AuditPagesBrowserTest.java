package se.tidigt.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.Browser;
import se.tidigt.gateway.support.DemoCityTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' pages in headless Chromium against the demo city: an auditor lands on them after
 * sign-in, finds a case, reads its timeline, verifies its chain, downloads its export, sees its past
 * state and the daily digest, reviews the access log with filters, paging and CSV; a signed-in visitor
 * on an unknown page gets the 404 page (never HTTP Basic's challenge, which an API client without a
 * session still gets); the sign-in page names every demo user. Writes target/audit.png.
 */
class AuditPagesBrowserTest extends DemoCityTest {
    @RegisterExtension
    final Browser browser = Browser.perTest(() -> port);

    @Test
    void an_auditor_finds_a_case_reads_its_timeline_verifies_and_exports_it_and_reviews_the_access_log() throws IOException {
        String caseId = as("hv-admin").get("/api/v1/districts/hasselby-vallingby/cases?size=1&page=2").json()
                .get("cases").get(0).get("caseId").asText();
        JsonNode history = as("auditor").get("/api/v1/audit/cases/" + caseId + "/history").json();
        for (int i = 0; i < 20; i++) { // enough earlier reads of this case for the review to have a second page
            assertThat(as("auditor").get("/api/v1/audit/cases/" + caseId + "/verify").status()).isEqualTo(200);
        }

        browser.open("/");
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
        String hint = browser.find("[data-i18n=demoUsers]").getText();
        List.of("analyst", "auditor", "admin", "hv-admin", "jarva-admin", "-admin").forEach(user -> assertThat(hint).contains(user));
        browser.find("#username").sendKeys("auditor");
        browser.find("#password").sendKeys("demo");
        browser.find("#sign-in").click();
        browser.waiting(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/audit")
                && "true".equals(browser.script("return document.body.dataset.ready || ''")));
        assertThat(browser.find("#view-title").getText()).isEqualTo("Granskning");

        browser.find("#case-id").sendKeys(caseId);
        browser.find("#open-case").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> browser.findAll("#timeline li.event").size() == history.get("total").asInt());
        JsonNode first = history.get("events").get(0);
        String entry = browser.find("#timeline li.event").getText();
        assertThat(entry).contains("0. Orosanmälan inkom").contains(first.get("actor").get("user").asText()).contains("Registrerades");
        assertThat(browser.find("#timeline").getText()).doesNotContainPattern("\\b[A-Z][a-z]+[A-Z][a-z]+\\b");

        browser.find("#verify-case").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> !browser.find("#verify-result").getText().isEmpty());
        assertThat(browser.find("#verify-result").getText())
                .isEqualTo("Kedjan är hel: alla " + history.get("total").asInt() + " händelser är oförändrade.");

        browser.find("#export-case").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> downloaded(".json").size() == 1);
        assertThat(Files.readString(downloaded(".json").get(0), StandardCharsets.UTF_8)).contains(caseId);

        browser.script("document.getElementById('state-at').value = '2100-01-01T00:00'");
        browser.find("#show-state").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> !browser.findAll("#state-facts").isEmpty());
        assertThat(browser.find("#state-result").getText()).contains(history.get("total").asInt() + " händelser hade skett")
                .contains("Stadsdel");

        browser.find("#show-digest").click();
        browser.waiting(Duration.ofSeconds(60)).until(d -> !browser.findAll("#digest-verdict").isEmpty());
        // The page asks for yesterday's digest: a store created today has none (it says so); one that lived
        // through yesterday (a run across midnight) has one, and it matches.
        assertThat(browser.find("#digest-verdict").getText()).satisfiesAnyOf(
                verdict -> assertThat(verdict).startsWith("Sammanfattningen stämmer"),
                verdict -> assertThat(verdict).isEqualTo("Ingen sammanfattning av den dagen: händelselagret fanns inte då. "
                        + "Välj en senare dag."));

        // The review: this auditor's reads of this case, as the API logged them, newest first.
        JsonNode logged = as("auditor").get("/api/v1/audit/access-log?user=auditor&caseId=" + caseId).json();
        browser.find("#access-user").sendKeys("auditor");
        browser.find("#access-case").sendKeys(caseId);
        browser.find("#access-apply").click();
        // The page first lists every read; wait for the filtered answer, not the first 20 rows.
        browser.waiting(Duration.ofSeconds(20)).until(d -> ("Sida 1 / 2 (" + logged.get("total").asInt() + ")")
                .equals(browser.script("const s = document.querySelector('#access-pager span'); return s && s.textContent")));
        List<String> paths = browser.findAll("#access-table tbody tr td:nth-child(4)").stream().map(td -> td.getText()).toList();
        assertThat(paths.get(0)).startsWith("/api/v1/audit/cases/" + caseId + "/state?asOf=");
        assertThat(paths.subList(1, 3)).containsExactly("/api/v1/audit/cases/" + caseId + "/export",
                "/api/v1/audit/cases/" + caseId + "/verify");
        assertThat(paths.get(3)).startsWith("/api/v1/audit/cases/" + caseId + "/history?");
        assertThat(browser.findAll("#access-table tbody tr")).hasSize(20);
        // Read in one script each time: the table is redrawn while the next page arrives, so an element found
        // a moment earlier may already be gone.
        String firstRowScript = "const r = document.querySelector('#access-table tbody tr'); return r && r.textContent";
        Object firstRow = browser.script(firstRowScript);
        browser.find("#access-pager .next").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> {
            Object row = browser.script(firstRowScript);
            return row != null && !row.equals(firstRow);
        });
        assertThat(browser.find("#access-pager span").getText()).startsWith("Sida 2 / 2");
        browser.find("#access-csv").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> downloaded(".csv").size() == 1);
        assertThat(Files.readString(downloaded(".csv").get(0), StandardCharsets.UTF_8)).startsWith("position,readAt,user");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "audit.png"), browser.screenshot());
        // The one error the browser may log is the refused digest of a day before this store existed (above).
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("/api/v1/audit/digests/")
                && error.contains("status of 400"));

        // A signed-in visitor on an unknown page: the 404 page; an API client without a session: 401 with the challenge.
        browser.open("/no-such-page");
        assertThat(browser.find("h1").getText()).isEqualTo("Sidan finns inte");
        assertThat(browser.script("""
                return fetch('/no-such-page', { headers: { Accept: 'text/html' } })
                    .then(r => r.status + ' ' + (r.headers.get('WWW-Authenticate') || 'no challenge'))""")).isEqualTo("404 no challenge");
        Api.Response withoutSession = anonymous().get("/no-such-page");
        assertThat(withoutSession.status()).isEqualTo(401);
        assertThat(withoutSession.header("WWW-Authenticate")).startsWith("Basic");
    }

    /** An analyst who opens the auditors' pages: a page that says no, in their language, with the way back; never JSON. */
    @Test
    void a_signed_in_analyst_on_the_auditors_pages_is_told_no_in_words_with_the_way_back() {
        browser.signIn("analyst");
        browser.awaitFigures();
        browser.open("/audit");
        assertThat(browser.find("#forbidden-title").getText()).isEqualTo("Sidan är inte öppen för dig");
        assertThat(browser.find("main").getText()).contains("(403)", "granskare").doesNotContain("{", "Not yours");
        browser.find("#lang").click();
        browser.waiting(Duration.ofSeconds(10)).until(d -> browser.find("#forbidden-title").getText().equals("This page is not open to you"));
        assertThat(browser.find("#sign-in-again").getText()).isEqualTo("Sign in as someone else");
        browser.find("#home").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> "City view".equals(browser.find("#view-title").getText()));
        // The refused page itself is the one failed load the browser reports.
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("/audit") && error.contains("403"));
    }

    private List<Path> downloaded(String suffix) {
        try (var files = Files.list(browser.downloads())) {
            return files.filter(f -> f.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
