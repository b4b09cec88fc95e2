package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import se.tidigt.gateway.support.Browser;
import se.tidigt.gateway.support.DemoCityTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spread view in a real headless Chromium on the demo city: the districts as the API answers them, in
 * Swedish without codes, the scenario recomputed from the keyboard, English on request, the report
 * downloaded, a phone's width without horizontal scroll, and a clean console.
 */
class SpreadBrowserTest extends DemoCityTest {
    @TempDir
    Path downloads;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, downloads);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void openSpread() {
        browser.signIn("analyst");
        browser.waiting(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.open("/spread");
        browser.waiting(Duration.ofSeconds(120)).until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
    }

    @Test
    void the_spread_view_shows_every_district_in_swedish_and_recomputes_the_scenario_from_the_keyboard() throws IOException {
        JsonNode inv = as("analyst").get("/api/v1/spread-investigation?workModel=VALLINGBY_TEAM&horizonYears=5").json();
        openSpread();
        assertThat(browser.find("#view-title").getText()).isEqualTo("Spridning");
        assertThat(browser.find("#synthetic-marker").isDisplayed()).isTrue();
        assertThat(browser.findAll("#spread-districts tbody tr")).hasSize(inv.get("districts").size());
        String table = browser.find("#spread-districts table").getAttribute("textContent");
        for (JsonNode d : inv.get("districts")) {
            assertThat(table).contains(d.get("name").asText());
        }
        assertThat(browser.find("#summary-text").getText()).contains(Integer.toString(inv.at("/notYetAdopted/districts").size()));
        Long points = (Long) browser.script("return document.querySelectorAll('[data-chart=\"spread-chart\"] svg path').length");
        assertThat(points).isPositive();
        assertThat(browser.findAll("#scenario-years tbody tr")).hasSize(5);
        String text = String.valueOf(browser.script("return document.body.innerText"));
        assertThat(Browser.NOT_SWEDISH.matcher(text).results().map(MatchResult::group).toList())
                .as("English or codes in the Swedish view").isEmpty();

        // Keyboard: one district fewer, then Enter on the compute button; the years follow.
        String before = browser.find("#scenario-years").getAttribute("textContent");
        WebElement first = browser.find("#scenario-districts input:checked");
        browser.script("arguments[0].focus()", first);
        Actions keyboard = new Actions(browser.driver());
        keyboard.sendKeys(Keys.SPACE).perform();
        browser.script("document.getElementById('scenario-run').focus()");
        keyboard.sendKeys(Keys.ENTER).perform();
        browser.waiting(Duration.ofSeconds(60)).until(d -> browser.findAll("#scenario-years").size() == 1
                && !before.equals(browser.find("#scenario-years").getAttribute("textContent")));
        assertThat(browser.find("#scenario-result").getAttribute("aria-live")).isEqualTo("polite");

        browser.find("#lang").click();
        assertThat(browser.find("#view-title").getText()).isEqualTo("Spread");
        assertThat(browser.find("#spread-districts h2").getText()).isEqualTo("The districts");

        browser.find("#report-en").click();
        browser.waiting(Duration.ofSeconds(60)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().equals("spread.pdf"));
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(Files.readAllBytes(downloads.resolve("spread.pdf"))).startsWith("%PDF".getBytes());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the_spread_view_fits_a_phone_without_horizontal_scroll() {
        openSpread();
        browser.resize(390, 844);
        browser.driver().navigate().refresh();
        browser.waiting(Duration.ofSeconds(120)).until(d -> "true".equals(browser.script("return document.body.dataset.ready")));
        browser.script("document.querySelectorAll('details').forEach(d => d.open = true); window.dispatchEvent(new Event('resize'))");
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        for (String section : List.of("spread-summary", "spread-districts", "spread-chart", "scenario")) {
            assertThat((Long) browser.script("return Math.ceil(document.getElementById(arguments[0]).getBoundingClientRect().right)", section))
                    .as(section).isLessThanOrEqualTo(390L);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void a_district_user_has_no_way_to_the_spread_view() {
        browser.signIn("farsta-admin");
        browser.waiting(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/district"));
        assertThat(browser.findAll("a[href='/spread']")).isEmpty();
        browser.open("/");
        browser.awaitFigures();
        assertThat(browser.find("#spread-link").isDisplayed()).isFalse();
        browser.open("/spread");
        assertThat(browser.findAll("#scenario-form")).isEmpty();
    }
}
