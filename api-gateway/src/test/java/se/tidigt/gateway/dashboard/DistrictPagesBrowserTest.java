package se.tidigt.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Browser;
import se.tidigt.gateway.support.ApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.childAged;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * The district's pages to work in, in headless Chromium: a worker raises a concern, records the
 * assessments and proposes an intervention, a supervisor approves it from the worklist, the worker records
 * the family's answer, each step through the form the case's lifecycle offers at that moment (with the CSRF
 * token, an Idempotency-Key and If-Match); a stale version is refused in the problem's own words; the
 * timeline names who did each step; the worklist links the case and the district's caseload counts it. Swedish without codes, every control labelled, a phone's width
 * without horizontal scroll. Writes target/district-case.png and target/district-case-phone.png.
 * In the context of the district-work tests: Hässelby-Vällingby's cases there are this test's alone.
 */
@TestPropertySource(properties = "tidigt.test.context=district-work")
class DistrictPagesBrowserTest extends ApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Words that give English or a raw code away in the Swedish pages. */
    private static final Pattern NOT_SWEDISH = Pattern.compile(
            "\\b(the|and|of|with|case|offer|step|undefined|null|NaN)\\b|\\b[A-Z]{2,}_[A-Z_]+\\b|\\b[a-z]+\\.[A-Za-z]+\\b", Pattern.CASE_INSENSITIVE);

    @RegisterExtension
    final Browser browser = Browser.perTest(() -> port);

    /**
     * A district's day of work, end to end: a worker raises a concern, records both assessments and proposes an
     * intervention (the delegation gives the offer to a supervisor); the supervisor approves it from the
     * worklist; the worker records the family's answer; the timeline names both; the caseload counts the case.
     */
    @Test
    void a_worker_proposes_an_intervention_the_supervisor_approves_it_from_the_worklist_and_the_worker_records_the_answer()
            throws IOException {
        // The city's time on the forms, as a user in Stockholm has it (the screenshot's times then agree).
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "Europe/Stockholm"));
        signInAndOpen("hv-worker", "/district/cases/new");
        assertThat(browser.find("#view-title").getText()).isEqualTo("Ärenden att arbeta i");
        assertThat(browser.find("#nav-new").getAttribute("aria-current")).isEqualTo("page");
        browser.find("body").sendKeys(Keys.TAB);
        assertThat(browser.script("return document.activeElement.className")).as("the first key press reaches the skip link").isEqualTo("skip");
        new Select(browser.find("#reporter")).selectByVisibleText("Skola");
        browser.find("#concerns input[value=CRIME_RISK]").click();
        String child = childAged(13);
        browser.find("#child-pin").sendKeys(child);
        browser.find("#raise-submit").click();
        browser.waiting(PATIENCE).until(d -> d.getCurrentUrl().matches(".*/district/cases/[0-9a-f-]{36}$"));
        awaitReady();
        String caseId = browser.driver().getCurrentUrl().replaceAll(".*/", "");
        assertThat(browser.find("#case-title").getText()).isEqualTo("Ärende " + caseId);
        assertThat(stepsOffered()).containsExactly("PROTECTION_ASSESSMENT", "INITIAL_ASSESSMENT", "ASSIGN_WORKER", "RECORD_COLLABORATION",
                "TRANSFER_CASE", "CLOSE_CASE");
        assertThat(browser.find("#due-list").getText()).contains("Skyddsbedömning").contains("Förhandsbedömning");

        recordFetches();
        step("PROTECTION_ASSESSMENT", form -> form.findElement(By.cssSelector("input[value=false]")).click());
        assertThat(browser.find("#status").getText()).isEqualTo("Sparat: Skyddsbedömning.");
        assertThat(browser.script("return document.activeElement.id")).as("the answer takes the focus, so a screen reader reads it").isEqualTo("status");
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = (Map<String, Object>) browser.script("return window.sentHeaders.filter(h => h['If-Match']).pop()");
        assertThat(sent.get("If-Match")).isEqualTo("\"1\"");
        assertThat(String.valueOf(sent.get("Idempotency-Key"))).hasSizeGreaterThanOrEqualTo(32);
        assertThat(sent).containsKey("X-CSRF-TOKEN");
        step("INITIAL_ASSESSMENT", form -> new Select(form.findElement(By.name("decision"))).selectByVisibleText("Tidigt stöd utan utredning"));
        assertThat(stepsOffered()).startsWith("OFFER_INTERVENTION").doesNotContain("INITIAL_ASSESSMENT", "PROTECTION_ASSESSMENT");
        step("OFFER_INTERVENTION", form -> new Select(form.findElement(By.name("interventionType"))).selectByVisibleText("Familjebehandling"));
        assertThat(browser.find("#status").getText()).startsWith("Skickat som förslag: Erbjud insats.");
        assertThat(browser.find("#pending").getText()).startsWith("Förslag som väntar på beslut: Erbjuda insats (Familjebehandling), föreslaget av hv-worker");
        assertThat(browser.find("#offer-table").getText()).contains("Inga rader");
        signOut();

        signInAndOpen("hv-supervisor", "/district");
        WebElement proposal = browser.find("#proposal-list li[data-case='" + caseId + "']");
        assertThat(proposal.getText()).contains("Erbjuda insats (Familjebehandling)").contains("Föreslaget av hv-worker");
        assertSwedishWithoutCodes();
        String before = rendered();
        proposal.findElement(By.cssSelector("button.approve")).click();
        browser.waiting(PATIENCE).until(d -> !before.equals(rendered()));
        assertThat(browser.find("#status").getText()).isEqualTo("Beslutet är registrerat.");
        assertThat(browser.findAll("#proposal-list li[data-case='" + caseId + "']")).isEmpty();
        signOut();

        signInAndOpen("hv-worker", "/district/cases/" + caseId);
        assertThat(browser.find("#pending").isDisplayed()).isFalse();
        assertThat(browser.find("#offer-table").getText()).contains("Familjebehandling").contains("inget svar ännu");
        // Someone else records a step meanwhile: the page's version is stale, and the refusal says so in the problem's words.
        assertThat(hv().post("/api/v1/cases/" + caseId + "/workers", Map.of("workerId", "w-hv-7", "function", "INTERVENTION",
                "assignedAt", daysAgo(0).toString())).status()).isEqualTo(200);
        step("RECORD_RESPONSE", this::acceptForGuardians);
        assertThat(browser.find("#status").getText()).isEqualTo("Steget nekades: The resource has changed since the version in If-Match; "
                + "nothing was stored. Read it again.");
        step("RECORD_RESPONSE", this::acceptForGuardians);
        assertThat(browser.find("#status").getText()).isEqualTo("Sparat: Familjens svar.");
        assertThat(browser.find("#offer-table").getText()).contains("Ja").contains("Vårdnadshavarna");
        assertThat(stepsOffered()).contains("START_INTERVENTION").doesNotContain("RECORD_RESPONSE");

        JsonNode timeline = hv().get("/api/v1/cases/" + caseId + "/timeline").json();
        List<WebElement> events = browser.findAll("#timeline li.event");
        assertThat(events).hasSize(timeline.get("total").asInt());
        assertThat(events.get(0).getText()).contains("Orosanmälan inkom").contains("av hv-worker (handläggare)").contains("Skola");
        assertThat(browser.find("#timeline li[data-type=DecisionProposed]").getText()).contains("av hv-worker (handläggare)")
                .contains("Familjebehandling");
        assertThat(browser.find("#timeline li[data-type=DecisionApproved]").getText()).contains("Förslaget godkänt")
                .contains("av hv-supervisor (arbetsledare)");
        assertThat(events.get(events.size() - 1).getText()).contains("Familjen tackade ja").contains("av hv-worker (handläggare)");
        assertSwedishWithoutCodes();
        assertEveryControlLabelled();
        Files.createDirectories(Path.of("target"));
        // The screenshot the docs show: the whole case page, the next step's form open and the timeline with both actors.
        browser.find("details[id^='step-START_INTERVENTION'] summary").click();
        browser.script("window.scrollTo(0, 0); document.activeElement.blur()");
        Map<String, Object> page = ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(Path.of("target", "district-case.png"), java.util.Base64.getDecoder().decode((String) page.get("data")));

        browser.find("#lang").click();
        assertThat(browser.find("#view-title").getText()).isEqualTo("Cases to work in");
        assertThat(browser.find("#timeline li[data-type=DecisionApproved]").getText()).contains("Proposal approved").contains("(supervisor)");
        assertThat(String.valueOf(browser.script("return document.body.innerText"))).doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b")
                .doesNotContain("Sparat").doesNotContain("Tidslinje").doesNotContain("Ärende ");
        browser.find("#lang").click();

        browser.resize(390, 844);
        browser.driver().navigate().refresh();
        awaitReady();
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        browser.script("window.scrollTo(0, 0)");
        Files.write(Path.of("target", "district-case-phone.png"), browser.screenshot());

        browser.find("#nav-worklist").click();
        browser.waiting(PATIENCE).until(d -> d.getCurrentUrl().endsWith("/district"));
        awaitReady();
        assertThat(browser.find("#proposals").isDisplayed()).as("a worker decides no proposals").isFalse();
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        assertThat(browser.findAll("#case-table a[href='/district/cases/" + caseId + "']")).hasSize(1);
        JsonNode load = hv().get("/api/v1/districts/hasselby-vallingby/caseload").json();
        JsonNode now = load.get("months").get(load.get("months").size() - 1);
        assertThat(now.get("openCases").asInt()).isEqualTo(1);
        assertThat(now.get("workers").asInt()).isEqualTo(1);
        assertThat(browser.find("#caseload-now").getText()).contains("Öppna ärenden").contains("n = 1");
        assertSwedishWithoutCodes();
        assertEveryControlLabelled();

        browser.find("#pin").sendKeys(child);
        browser.find("#find-pin").click();
        browser.waiting(PATIENCE).until(d -> !browser.find("#search-results").getText().isEmpty());
        assertThat(browser.findAll("#search-results a[href='/district/cases/" + caseId + "']")).as("the child's case found").hasSize(1);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(child.substring(0, 8));
        // The browser logs each refused call; only the stale version this test provoked is there.
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("412"));
    }

    @Test
    void a_case_that_is_not_the_districts_says_so_in_words() {
        browser.signIn("hv-admin");
        browser.waiting(PATIENCE).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.open("/district/cases/00000000-0000-0000-0000-000000000000");
        awaitReady();
        assertThat(browser.find("#status").getText()).isEqualTo("Det finns inget sådant ärende i din stadsdel.");
    }

    private void signInAndOpen(String user, String path) {
        browser.signIn(user);
        browser.waiting(PATIENCE).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.open(path);
        awaitReady();
    }

    private void signOut() {
        browser.find("#sign-out").click();
        browser.waiting(PATIENCE).until(d -> d.getCurrentUrl().contains("/login"));
    }

    private String rendered() {
        return String.valueOf(browser.script("return document.body.dataset.rendered"));
    }

    private void awaitReady() {
        browser.waiting(PATIENCE).until(d -> "true".equals(browser.script("return document.body.dataset.ready || ''")));
    }

    /** Opens a step's form, fills it, sends it and waits until the page has drawn the answer. */
    private void step(String kind, Consumer<WebElement> fill) {
        WebElement details = browser.find("details[id^='step-" + kind + "']");
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        WebElement form = details.findElement(By.tagName("form"));
        fill.accept(form);
        String before = rendered();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting(PATIENCE).until(d -> !before.equals(rendered()));
    }

    private void acceptForGuardians(WebElement form) {
        form.findElement(By.cssSelector("input[name=accepted][value=true]")).click();
        new Select(form.findElement(By.name("consentBy"))).selectByVisibleText("Vårdnadshavarna");
    }

    @SuppressWarnings("unchecked")
    private List<String> stepsOffered() {
        return (List<String>) browser.script("return [...document.querySelectorAll('#steps form')].map(f => f.dataset.step)");
    }

    /** Keeps the headers of every call the page makes from now on, to check what a write sends. */
    private void recordFetches() {
        browser.script("""
                window.sentHeaders = [];
                const original = window.fetch;
                window.fetch = (path, options) => { window.sentHeaders.push((options && options.headers) || {}); return original(path, options); };""");
    }

    private void assertSwedishWithoutCodes() {
        String text = String.valueOf(browser.script("return document.body.innerText"));
        assertThat(NOT_SWEDISH.matcher(text).results().map(MatchResult::group).toList()).as("English or codes in the Swedish pages").isEmpty();
    }

    private void assertEveryControlLabelled() {
        Object unlabelled = browser.script("""
                return [...document.querySelectorAll('main input:not([type=hidden]), main select')]
                  .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')).map(c => c.id || c.name);""");
        assertThat((List<?>) unlabelled).as("form controls without a label").isEmpty();
    }
}
