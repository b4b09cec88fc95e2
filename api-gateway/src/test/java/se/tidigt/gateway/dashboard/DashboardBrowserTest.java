package se.tidigt.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium against the application with its demo city: the city
 * view's answer equal to the API's, protected cells as gaps, Swedish without codes, a phone's width;
 * the district view; language, filters and CSV; keyboard; and a clean console. Writes screenshots of
 * the city view (desktop and phone) to target/ on every run.
 */
class DashboardBrowserTest extends DemoCityTest {
    private static final List<String> CITY_CHARTS = List.of("acceptance-by-month", "acceptance-by-district", "acceptance-by-district-and-year",
            "funnel", "deadline-14-days", "deadline-4-months", "ages", "rollout-timeline", "event-study");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @RegisterExtension
    final Browser browser = Browser.perTest(() -> port);

    /**
     * One page load: the answer first (the share accepting per work model equal to the API's, with n
     * and interval; the effect in one sentence from the API's aggregate; today's model per district),
     * every chart drawn, protected months drawn as gaps, the Swedish view free of English and codes,
     * and at phone width no horizontal scroll. Writes the screenshots the docs show.
     */
    @Test
    void the_city_view_leads_with_the_apis_answer_in_swedish_with_gaps_for_protected_cells_and_fits_a_phone() throws IOException {
        String last = browserLastMonth();
        JsonNode byModel = as("analyst").get("/api/v1/stats/city?groupBy=workModel&from=2019-01&to=" + last).json();
        JsonNode effect = as("analyst").get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate&replicates=499").json();
        JsonNode months = as("analyst").get("/api/v1/stats/city?groupBy=month&workModel=ORDINARY&from=2019-01&to=" + last).json();

        browser.signIn("analyst");
        browser.awaitFigures();

        assertThat(browser.find("#view-title").getText()).isEqualTo("Stadsvy");
        assertThat(browser.find("#synthetic-marker").getText()).contains("Syntetiska");
        assertThat(browser.script("return document.querySelector('#view section').id")).isEqualTo("answer");
        for (JsonNode row : byModel) {
            JsonNode rate = row.path("acceptanceRate");
            String card = browser.find("#answer li[data-model='" + row.path("group").path("workModel").asText() + "']").getText();
            assertThat(card).contains(percent(rate.path("value").asDouble()))
                    .contains(percent(rate.path("low").asDouble()) + " – " + percent(rate.path("high").asDouble()))
                    .contains(count(rate.path("numerator").asLong()) + " av " + count(rate.path("denominator").asLong()) + " familjer");
        }
        assertThat(browser.findAll("#answer tbody tr")).hasSize(byModel.size());
        JsonNode aggregate = effect.path("aggregate");
        assertThat(browser.find("#effect-sentence").getText()).isEqualTo(points(aggregate.path("att").asDouble())
                + " procentenheter, 95 % intervall " + points(aggregate.path("low").asDouble()) + " till "
                + points(aggregate.path("high").asDouble()) + ", i " + aggregate.path("treatedDistricts").asInt() + " av 11 stadsdelar.");
        assertThat(browser.find("#effect-evidence").getText()).isNotBlank();
        assertThat(browser.findAll("#effect-warnings li")).hasSizeBetween(1, 3);
        assertThat(browser.findAll("#models-today tbody tr")).hasSize(11);

        browser.script("document.getElementById('details').open = true");
        browser.drawCharts();
        for (String chart : CITY_CHARTS) {
            Long marks = (Long) browser.script("return document.querySelectorAll('[data-chart=\"' + arguments[0] + '\"] svg path').length", chart);
            // The event study has a point per quarter or longer window since adoption, the others one per month.
            assertThat(marks).as("SVG shapes drawn in chart %s", chart).isGreaterThan("event-study".equals(chart) ? 5 : 20);
            assertThat(browser.findAll("#" + chart + " table tbody tr")).as("table rows of %s", chart).isNotEmpty();
        }
        assertThat(browser.findAll("#acceptance-by-district table tbody tr")).hasSize(11);

        // Protected months: the API publishes noisy small counts (0 of 5 and the like); the page draws them as gaps.
        List<String> small = new ArrayList<>();
        for (JsonNode row : months) {
            JsonNode rate = row.path("acceptanceRate");
            long yes = rate.path("numerator").asLong();
            long no = rate.path("denominator").asLong() - yes;
            if (rate.path("value").isNumber() && (yes < 5 || no < 5)) {
                small.add(row.path("group").path("month").asText());
            }
        }
        assertThat(small).as("the demo city has protected small months of ordinary work").isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Object> ordinary = (List<Object>) browser.script("""
                const chart = echarts.getInstanceByDom(document.querySelector('[data-chart="acceptance-by-month"]'));
                return chart.getOption().series.find(s => s.name === 'Ordinarie arbete').data;""");
        assertThat(ordinary).contains((Object) null).doesNotContain(0L, 0.0);
        assertThat(browser.find("#acceptance-by-month").getText()).containsAnyOf("För få ärenden", "per kvartal");
        assertThat(browser.findAll("#acceptance-by-month td").stream().map(td -> td.getAttribute("textContent")))
                .doesNotContain("0,0 %", "0,0\u00a0%");
        assertThat(browser.findAll("#acceptance-by-month td.suppressed")).isNotEmpty();

        String text = String.valueOf(browser.script("return document.body.innerText"));
        assertThat(Browser.NOT_SWEDISH.matcher(text).results().map(MatchResult::group).toList()).as("English or codes in the Swedish view").isEmpty();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "city-view.png"), browser.screenshot());

        // A phone opens the page at its width.
        browser.resize(390, 844);
        String drawn = browser.drawn();
        browser.driver().navigate().refresh();
        browser.waiting(Duration.ofSeconds(30)).until(d -> !drawn.equals(browser.drawn()));
        browser.awaitFigures();
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        browser.script("document.getElementById('details').open = true");
        browser.drawCharts();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        assertThat(browser.script("""
                return [...document.querySelectorAll('#view *')].filter(el => el.children.length === 0 && el.getBoundingClientRect().right > window.innerWidth + 1
                    && !el.closest('.table-wrap') && !el.closest('[clip-path]'))
                    .map(el => (el.closest('[data-chart]') || el).id + ': ' + el.tagName + ' ' + (el.textContent || '').slice(0, 40))"""))
                .as("elements past the right edge (a scrolling legend's hidden items are clipped)")
                .asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        Files.write(Path.of("target", "city-view-phone.png"), browser.screenshot());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * On a phone the rollout timeline keeps every marker apart (the adoption, the plan, the funding and the
     * staffing of one day each on a line of their own within the district's row), and today's model per
     * district is a table; nothing scrolls sideways.
     */
    @Test
    void on_a_phone_the_rollout_timeline_keeps_its_markers_apart_and_todays_model_is_a_table() {
        long events = 0;
        for (JsonNode district : as("analyst").get("/api/v1/districts").json()) {
            events += as("analyst").get("/api/v1/districts/" + district.path("code").asText() + "/rollout").json().path("timeline").size();
        }
        browser.resize(390, 844);
        browser.signIn("analyst");
        browser.awaitFigures();

        assertThat(browser.findAll("#models-today tbody tr")).hasSize(11);
        assertThat(browser.find("#models-today table").isDisplayed()).isTrue();
        assertThat(browser.find("#models-today tbody").getText()).contains("Vällingbyteamet", "Ordinarie arbete");
        browser.script("document.getElementById('details').open = true");
        browser.drawCharts();
        browser.script("document.querySelector('[data-chart=\"rollout-timeline\"]').scrollIntoView({ block: 'start' })");
        // The markers: the small shapes below the legend (axis ticks are lines, the legend sits at the top).
        @SuppressWarnings("unchecked")
        List<List<Number>> markers = (List<List<Number>>) browser.script("""
                const chart = document.querySelector('[data-chart="rollout-timeline"]');
                const top = chart.getBoundingClientRect().top;
                return [...chart.querySelectorAll('svg path')].filter(p => !p.closest('defs')).map(p => p.getBoundingClientRect())
                    .filter(r => r.width >= 4 && r.width <= 14 && r.height >= 4 && r.height <= 14 && r.top > top + 45)
                    .map(r => [r.left, r.top, r.right, r.bottom]);""");
        assertThat(markers).as("a marker for every event of every district's timeline").hasSize((int) events);
        List<String> overlapping = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            for (int j = i + 1; j < markers.size(); j++) {
                List<Number> a = markers.get(i);
                List<Number> b = markers.get(j);
                double width = Math.min(a.get(2).doubleValue(), b.get(2).doubleValue()) - Math.max(a.get(0).doubleValue(), b.get(0).doubleValue());
                double height = Math.min(a.get(3).doubleValue(), b.get(3).doubleValue()) - Math.max(a.get(1).doubleValue(), b.get(1).doubleValue());
                if (width > 0.5 && height > 0.5) {
                    overlapping.add(a + " and " + b);
                }
            }
        }
        assertThat(overlapping).as("markers drawn on top of each other").isEmpty();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String browserLastMonth() {
        return java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
    }

    /**
     * A share as the page writes it: the browser's Intl rounds the shortest decimal form of the number half
     * away from zero (0.5185 is 51,9 %), where Java's NumberFormat would round the binary value half to even.
     */
    private static String percent(double share) {
        NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        java.math.BigDecimal points = java.math.BigDecimal.valueOf(share).movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP);
        return format.format(points).replace('\u00a0', ' ').replace('\u202f', ' ') + " %";
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(SWEDISH).format(n).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** A share difference as signed whole percentage points, as the page writes it ('+40', '−22'). */
    private static String points(double share) {
        long v = Math.round(share * 100);
        return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + Math.abs(v);
    }

    @Test
    void a_district_user_sees_their_own_figures_their_worklist_overdue_first_and_their_cases() {
        browser.signIn("hv-admin");
        browser.waiting(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/district"));
        browser.open("/");
        browser.awaitFigures();

        assertThat(browser.find("#view-title").getText()).isEqualTo("Stadsdelsvy – Hässelby-Vällingby");
        assertThat(browser.find("#district-filter").isDisplayed()).isFalse();
        browser.drawCharts();
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
        // Each case id leads to the case's page, where the district works in it.
        assertThat(browser.find("#cases tbody tr th a").getAttribute("href")).contains("/district/cases/").contains(firstCase);
        assertThat(browser.find("#worklist tbody tr th a").getAttribute("href")).contains("/district/cases/");
        String drawn = browser.drawn();
        browser.find("#cases-next").click();
        browser.awaitRedrawn(drawn);
        assertThat(browser.find("#cases tbody tr th").getAttribute("textContent")).isNotEqualTo(firstCase);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** One page load: the language switched both ways, a filter that changes the numbers, and the CSV of what is shown. */
    @Test
    void the_language_switches_a_filter_changes_the_numbers_and_the_csv_holds_the_tables_shown() throws IOException {
        browser.signIn("analyst");
        browser.awaitFigures();
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("sv");

        browser.find("#lang").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> browser.find("#view-title").getText().equals("City view"));
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.find("#synthetic-marker").getText()).contains("Synthetic demo data");
        assertThat(browser.find("#acceptance-by-district h2").getText()).isEqualTo("Share of families accepting, by district");
        assertThat(browser.find("#effect-sentence").getText()).contains("percentage points, 95 % interval");
        assertThat(browser.find("#acceptance-by-district table tbody tr td").getAttribute("textContent")).matches("\\d+\\.\\d\\s?%");
        browser.find("#lang").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> browser.find("#view-title").getText().equals("Stadsvy"));

        List<String> before = funnelColumn();
        assertThat(browser.findAll("#funnel thead th")).hasSize(3);
        String drawn = browser.drawn();
        new Select(browser.find("#workModel")).selectByValue("VALLINGBY_TEAM");
        browser.find("#apply").click();
        browser.awaitRedrawn(drawn);
        assertThat(browser.findAll("#funnel thead th")).hasSize(2);
        List<String> after = funnelColumn();
        assertThat(Integer.parseInt(after.get(0).replaceAll("\\D", "")))
                .isLessThan(Integer.parseInt(before.get(0).replaceAll("\\D", "")));
        assertThat(browser.find("#rollout-effect .ignores").getText()).contains("övriga filter används inte");

        List<String> districtsShown = browser.findAll("#acceptance-by-district tbody th").stream()
                .map(th -> th.getAttribute("textContent")).toList();
        browser.find("#csv").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> csvFiles().size() == 1);
        String csv = Files.readString(csvFiles().get(0), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("# Syntetiska demodata");
        assertThat(csv).contains("Vällingbyteamet").doesNotContain("VALLINGBY_TEAM");
        assertThat(csv).contains("# Andel familjer som tackar ja, per stadsdel");
        assertThat(csv).contains("# Införandet i varje stadsdel");
        districtsShown.forEach(name -> assertThat(csv).contains(name + ","));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the_keyboard_reaches_every_control() {
        browser.signIn("analyst");
        browser.awaitFigures();
        browser.script("document.getElementById('details').open = true");
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
        try (var files = Files.list(browser.downloads())) {
            return files.filter(f -> f.toString().endsWith(".csv")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
