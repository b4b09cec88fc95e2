package se.tidigt.gateway.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import se.tidigt.gateway.support.Browser;
import se.tidigt.gateway.support.DemoCityTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the application with its demo city: sign-in,
 * the city view and the district view drawn from the API, language, filters, CSV, keyboard, and a
 * clean console. Writes a screenshot of the city view to target/city-view.png on every run.
 */
class DashboardBrowserTest extends DemoCityTest {
    private static final List<String> CITY_CHARTS = List.of("acceptance-by-month", "acceptance-by-district", "acceptance-by-district-and-year", "funnel",
            "deadline-14-days", "deadline-4-months", "ages", "rollout-timeline", "rollout-effect");

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

    @Test
    void an_analyst_signs_in_and_sees_every_city_chart_drawn_with_the_demo_data() throws IOException {
        browser.signIn("analyst");
        browser.awaitFigures();

        assertThat(browser.find("#view-title").getText()).isEqualTo("Stadsvy");
        assertThat(browser.find("#synthetic-marker").isDisplayed()).isTrue();
        assertThat(browser.find("#synthetic-marker").getText()).contains("Syntetiska");
        for (String chart : CITY_CHARTS) {
            Long marks = (Long) browser.script("return document.querySelectorAll('[data-chart=\"' + arguments[0] + '\"] svg path').length", chart);
            assertThat(marks).as("SVG shapes drawn in chart %s", chart).isGreaterThan(20);
            assertThat(browser.findAll("#" + chart + " table tbody tr")).as("table rows of %s", chart).isNotEmpty();
        }
        assertThat(browser.findAll("#acceptance-by-district table tbody tr")).hasSize(11);
        String ordinaryShare = browser.find("#acceptance-by-district table tbody tr td").getAttribute("textContent");
        assertThat(ordinaryShare).matches("\\d+,\\d[\\s\\u00a0]?%");
        assertThat(browser.find("#rollout-effect .effect-summary").getText()).contains("Sammanvägd effekt");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "city-view.png"), browser.screenshot());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void suppressed_cells_are_shown_as_suppressed_never_as_zero_or_a_blank() {
        browser.signIn("analyst");
        browser.awaitFigures();
        String drawn = browser.drawn();
        // One month in one work model: small enough that some cells are withheld from an analyst.
        browser.script("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[0];",
                "2021-03");
        browser.find("#apply").click();
        browser.awaitRedrawn(drawn);

        List<WebElement> suppressed = browser.findAll("td.suppressed");
        assertThat(suppressed).isNotEmpty();
        assertThat(suppressed).allSatisfy(cell -> assertThat(cell.getAttribute("textContent")).isEqualTo("skyddad"));
        assertThat(browser.findAll(".suppressed-note")).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void a_district_user_sees_their_own_figures_their_worklist_overdue_first_and_their_cases() {
        browser.signIn("hv-admin");
        browser.awaitFigures();

        assertThat(browser.find("#view-title").getText()).isEqualTo("Stadsdelsvy – Hässelby-Vällingby");
        assertThat(browser.find("#district-filter").isDisplayed()).isFalse();
        assertThat(browser.find("#synthetic-marker").isDisplayed()).isTrue();
        assertThat((Long) browser.script("return document.querySelectorAll('[data-chart=\"own-figures\"] svg path').length"))
                .isGreaterThan(10);
        assertThat((Long) browser.script("return document.querySelectorAll('[data-chart=\"own-acceptance-by-month\"] svg path').length"))
                .isGreaterThan(10);
        List<String> overdue = browser.findAll("#worklist tbody tr td:nth-child(5)").stream()
                .map(td -> td.getAttribute("textContent")).toList();
        assertThat(overdue).contains("ja");
        assertThat(overdue.subList(0, overdue.indexOf("nej") < 0 ? overdue.size() : overdue.indexOf("nej")))
                .allMatch("ja"::equals);
        assertThat(overdue.subList(overdue.indexOf("nej") < 0 ? overdue.size() : overdue.indexOf("nej"), overdue.size()))
                .allMatch("nej"::equals);
        assertThat(browser.findAll("#cases tbody tr")).hasSize(20);
        String firstCase = browser.find("#cases tbody tr th").getAttribute("textContent");
        String drawn = browser.drawn();
        browser.find("#cases-next").click();
        browser.awaitRedrawn(drawn);
        assertThat(browser.find("#cases tbody tr th").getAttribute("textContent")).isNotEqualTo(firstCase);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the_language_switches_between_swedish_and_english() {
        browser.signIn("analyst");
        browser.awaitFigures();
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("sv");

        browser.find("#lang").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> browser.find("#view-title").getText().equals("City view"));
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.find("#synthetic-marker").getText()).contains("Synthetic demo data");
        assertThat(browser.find("#acceptance-by-district h2").getText()).isEqualTo("Share of families accepting, by district");
        assertThat(browser.find("#acceptance-by-district table tbody tr td").getAttribute("textContent")).matches("\\d+\\.\\d\\s?%");

        browser.find("#lang").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> browser.find("#view-title").getText().equals("Stadsvy"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void a_filter_changes_the_numbers() {
        browser.signIn("analyst");
        browser.awaitFigures();
        List<String> before = funnelColumn();
        assertThat(browser.findAll("#funnel thead th")).hasSize(3);

        String drawn = browser.drawn();
        new Select(browser.find("#workModel")).selectByValue("VALLINGBY_TEAM");
        browser.find("#apply").click();
        browser.awaitRedrawn(drawn);

        assertThat(browser.findAll("#funnel thead th")).hasSize(2);
        List<String> after = funnelColumn();
        assertThat(after).isNotEqualTo(before);
        assertThat(Integer.parseInt(after.get(0).replaceAll("\\D", "")))
                .isLessThan(Integer.parseInt(before.get(0).replaceAll("\\D", "")));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the_csv_download_holds_the_tables_shown() throws IOException {
        browser.signIn("analyst");
        browser.awaitFigures();
        List<String> districtsShown = browser.findAll("#acceptance-by-district tbody th").stream()
                .map(th -> th.getAttribute("textContent")).toList();

        browser.find("#csv").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> csvFiles().size() == 1);

        String csv = Files.readString(csvFiles().get(0), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("# Syntetiska demodata");
        assertThat(csv).contains("# Andel familjer som tackar ja, per stadsdel");
        assertThat(csv).contains("# Införandet i varje stadsdel");
        districtsShown.forEach(name -> assertThat(csv).contains(name + ","));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the_keyboard_reaches_every_control() {
        browser.signIn("analyst");
        browser.awaitFigures();
        Long controls = (Long) browser.script("""
                const all = [...document.querySelectorAll('a[href], button, input, select, summary')]
                    .filter(el => el.offsetParent !== null && !el.disabled && el.type !== 'hidden');
                all.forEach((el, i) => el.dataset.kb = String(i));
                document.activeElement.blur();
                return all.length;""");
        // the skip link, language, sign-out, 5 filters, 11 districts, 3 actions, a table for each of 9 charts
        assertThat(controls).isGreaterThanOrEqualTo(31);

        Set<String> reached = new HashSet<>();
        Actions keyboard = new Actions(browser.driver());
        for (int i = 0; i < controls * 2 && reached.size() < controls; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            Object kb = browser.script("return document.activeElement && document.activeElement.dataset.kb");
            if (kb != null) {
                reached.add(kb.toString());
            }
        }
        assertThat(reached).hasSize(controls.intValue());

        WebElement table = browser.find("#funnel summary");
        browser.script("arguments[0].focus()", table);
        keyboard.sendKeys(Keys.ENTER).perform();
        assertThat(browser.script("return document.querySelector('#funnel details').open")).isEqualTo(true);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private List<String> funnelColumn() {
        return browser.findAll("#funnel tbody tr td:nth-child(2)").stream().map(td -> td.getAttribute("textContent")).toList();
    }

    private List<Path> csvFiles() {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".csv")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
