package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Children;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * A hand-worked example over real HTTP: three districts with known intake (six concerns a month each, three and a
 * half years), one adopting the team 30 months ago with four of five posts filled and 3.6 million SEK over three
 * years; acceptance rising there from half to five in six, and no child placed out of home after the adoption where
 * one in six was before (and always in the others). Every figure is worked out here from the published counts, the
 * records and the evidence engine's effects, and must equal the investigation's; the scenario's sums agree with the
 * districts'.
 */
// A context of its own: the investigation counts every case of the city, and the effect needs these districts alone.
@TestPropertySource(properties = "tidigt.test.context=spread")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadInvestigationApiTest extends ApiTest {
    private static final String TEAM_DISTRICT = "skarpnack";
    private static final List<String> COMPARISON = List.of("bromma", "kungsholmen");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final long FUNDING = 3_600_000;
    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private YearMonth last;
    private LocalDate adopted;

    @BeforeAll
    void cityWithOneTeam() {
        last = YearMonth.now(STOCKHOLM).minusMonths(1);
        adopted = last.minusMonths(29).atDay(1);
        Api admin = as("admin");
        assertThat(admin.post("/api/v1/districts/" + TEAM_DISTRICT + "/rollout/adoptions",
                Map.of("workModel", "VALLINGBY_TEAM", "effectiveFrom", adopted.toString())).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/districts/" + TEAM_DISTRICT + "/rollout/funding", Map.of("source", "Social investment fund",
                "amountSek", FUNDING, "from", adopted.toString(), "to", adopted.plusYears(3).minusDays(1).toString())).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/districts/" + TEAM_DISTRICT + "/rollout/staffing", Map.of("effectiveFrom", adopted.toString(),
                "budgetedFte", 5, "filledFte", 4)).status()).isEqualTo(201);
        List<String> districts = new ArrayList<>(COMPARISON);
        districts.add(TEAM_DISTRICT);
        for (String district : districts) {
            StringBuilder lines = new StringBuilder();
            for (YearMonth month = last.minusMonths(41); !month.isAfter(last); month = month.plusMonths(1)) {
                boolean team = district.equals(TEAM_DISTRICT) && !month.isBefore(YearMonth.from(adopted));
                for (int i = 0; i < 6; i++) {
                    lines.append(caseLines(district, month.atDay(1 + 4 * i), i < (team ? 5 : 3), !team && i == 0));
                }
            }
            Api.Response imported = as(district + "-admin").postRaw("/api/v1/import", lines.toString(), "application/x-ndjson");
            assertThat(imported.json().get("failed").asInt()).as(imported.body().substring(0, 600)).isZero();
        }
        awaitStatisticsCaughtUp();
    }

    /**
     * A child of her or his own for every case, born on a day no other case's child was: a figure on children (the
     * first concern ever, placement within 24 months) counts each case's child once, whatever ran before in this JVM.
     */
    private static String anotherChild() {
        int child = CHILDREN.incrementAndGet();
        return Children.numberFor(LocalDate.now(STOCKHOLM).minusYears(9).minusDays(40 + child), child);
    }

    /** One case: a concern, assessments, an offer and the family's answer; a declined case is closed; perhaps a placement. */
    private static String caseLines(String district, LocalDate day, boolean accepted, boolean placed) {
        String id = "spread-" + UUID.randomUUID();
        String at = day + "T08:00:00Z";
        String lines = """
                {"type":"RaiseConcern","caseId":"%1$s","district":"%2$s","receivedAt":"%3$sT08:00:00Z","reporter":"SCHOOL","concerns":["SCHOOL_ABSENCE"],"child":{"personalIdentityNumber":"%4$s"}}
                {"type":"AssessProtectionNeed","caseId":"%1$s","assessedAt":"%3$sT15:00:00Z","immediateProtectionNeeded":false}
                {"type":"CompleteInitialAssessment","caseId":"%1$s","completedAt":"%5$sT10:00:00Z","decision":"EARLY_SUPPORT"}
                {"type":"OfferIntervention","caseId":"%1$s","offerId":"o-1","offeredAt":"%6$sT10:00:00Z","interventionType":"FAMILY_TREATMENT"}
                {"type":"RecordFamilyResponse","caseId":"%1$s","offerId":"o-1","respondedAt":"%7$sT10:00:00Z",%8$s}
                """.formatted(id, district, day, anotherChild(), day.plusDays(1), day.plusDays(2), day.plusDays(3),
                accepted ? "\"accepted\":true,\"consentBy\":\"GUARDIANS\"" : "\"accepted\":false,\"declineReason\":\"NOT_WANTED\"");
        if (placed) {
            lines += """
                    {"type":"StartPlacement","caseId":"%s","placementId":"p-1","startedAt":"%sT10:00:00Z","kind":"FAMILY_HOME","compulsory":false}
                    """.formatted(id, day.plusDays(4));
        }
        return accepted ? lines : lines + """
                {"type":"CloseCase","caseId":"%s","closedAt":"%sT10:00:00Z","reason":"FAMILY_DECLINED"}
                """.formatted(id, day.plusDays(3));
    }

    private JsonNode investigation() {
        Api.Response answer = as("analyst").get("/api/v1/spread-investigation?workModel=VALLINGBY_TEAM&horizonYears=5");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The protected counts of one district over the last 12 complete months, as /stats publishes them to the city. */
    private JsonNode published(String district) {
        for (JsonNode row : as("analyst").get("/api/v1/stats/city?groupBy=district&from=" + last.minusMonths(11) + "&to=" + last).json()) {
            if (row.at("/group/district").asText().equals(district)) {
                return row;
            }
        }
        throw new AssertionError("no published row for " + district);
    }

    private static JsonNode district(JsonNode investigation, String code) {
        for (JsonNode row : investigation.get("districts")) {
            if (row.get("district").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no district " + code);
    }

    @Test
    void every_figure_equals_the_hand_worked_one_from_the_records_the_published_counts_and_the_engines_effect() {
        JsonNode inv = investigation();
        JsonNode engine = as("analyst").get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate"
                + "&replicates=" + Evidence.REPLICATES + "&seed=" + Evidence.SEED).json().get("aggregate");
        assertThat(engine.get("att").isNumber()).as("the engine publishes the effect: " + engine).isTrue();
        double effect = engine.get("att").asDouble();
        assertThat(effect).isGreaterThan(0.2);
        assertThat(inv.at("/pooledEffect/estimate").asDouble()).isEqualTo(effect);
        assertThat(inv.at("/pooledEffect/n").asLong()).isEqualTo(engine.get("n").asLong());

        // The team: 30 months of 4 filled posts (10 post-years); the grant spread over its days; the model's
        // concerns and acceptances per calendar year as /stats publishes them.
        long concerns = 0;
        long accepted = 0;
        for (int year = adopted.getYear(); year <= last.getYear(); year++) {
            YearMonth from = year == adopted.getYear() ? YearMonth.from(adopted) : YearMonth.of(year, 1);
            YearMonth to = year == last.getYear() ? last : YearMonth.of(year, 12);
            JsonNode row = as("analyst").get("/api/v1/stats/city?groupBy=workModel&workModel=VALLINGBY_TEAM&from=" + from + "&to=" + to)
                    .json().get(0);
            concerns += row.at("/funnel/concerns").asLong();
            accepted += row.at("/acceptanceRate/numerator").asLong();
        }
        double fteYears = 10.0;
        double cost = FUNDING * (double) (ChronoUnit.DAYS.between(adopted, last.atEndOfMonth()) + 1)
                / (ChronoUnit.DAYS.between(adopted, adopted.plusYears(3)));
        double casesPerFte = concerns / fteYears;
        double costPerFte = cost / fteYears;
        assertThat(inv.at("/team/casesPerFilledFte/value").asDouble()).isCloseTo(casesPerFte, within(1e-9));
        assertThat(inv.at("/team/casesPerFilledFte/n").asLong()).isEqualTo(concerns);
        assertThat(inv.at("/team/costPerFilledFteYearSek/value").asDouble()).isCloseTo(costPerFte, within(1e-6));
        assertThat(inv.at("/team/costPerYearSek/value").asDouble()).isCloseTo(cost / 2.5, within(1e-6));
        assertThat(inv.at("/team/costPerYearSek/n").asLong()).as("district-months").isEqualTo(30);
        assertThat(inv.at("/team/costPerAcceptedFamilySek/value").asDouble()).isCloseTo(cost / accepted, within(1e-6));

        JsonNode placements = as("analyst").get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=placementWithin24m"
                + "&replicates=" + Evidence.REPLICATES + "&seed=" + Evidence.SEED).json().get("aggregate");
        assertThat(placements.get("att").isNumber()).as("the engine publishes the effect on placements: " + placements).isTrue();
        double placement = placements.get("att").asDouble();
        assertThat(placement).isNegative();
        assertThat(inv.at("/pooledEffectOnPlacementWithin24m/estimate").asDouble()).isEqualTo(placement);
        double sumOfDays = 0;
        for (String code : COMPARISON) {
            JsonNode row = district(inv, code);
            JsonNode stats = published(code);
            long answered = stats.at("/acceptanceRate/denominator").asLong();
            long intake = stats.at("/funnel/concerns").asLong();
            assertThat(row.at("/status/kind").asText()).isEqualTo("NOT_PLANNED");
            assertThat(row.at("/intake/concernsPerYear").asLong()).isEqualTo(intake);
            assertThat(row.at("/expectedEffect/basis").asText()).isEqualTo("pooled");
            assertThat(row.at("/expectedAdditionalAcceptancesPerYear/value").asDouble()).isCloseTo(answered * effect, within(1e-9));
            assertThat(row.at("/expectedAdditionalAcceptancesPerYear/n").asLong()).isEqualTo(answered);
            if (engine.get("low").isNumber()) {
                assertThat(row.at("/expectedAdditionalAcceptancesPerYear/low").asDouble())
                        .isCloseTo(answered * engine.get("low").asDouble(), within(1e-9));
                assertThat(row.at("/expectedAdditionalAcceptancesPerYear/high").asDouble())
                        .isCloseTo(answered * engine.get("high").asDouble(), within(1e-9));
            }
            double fte = intake / casesPerFte;
            assertThat(row.at("/capacity/fteNeeded/value").asDouble()).isCloseTo(fte, within(1e-9));
            assertThat(row.at("/capacity/recruitmentGap/value").asDouble()).isCloseTo(fte, within(1e-9));
            assertThat(row.at("/cost/yearlyCostSek/value").asDouble()).isCloseTo(fte * costPerFte, within(1e-6));
            assertThat(row.at("/cost/incrementalCostPerAdditionalAcceptedFamilySek/value").asDouble())
                    .isCloseTo(fte * costPerFte / (answered * effect), within(1e-6));
            // Avoided placement days: children a year × the fall in the share placed × 400 days; priced per payer.
            long children = stats.at("/lateSupport/children").asLong();
            double days = children * -placement * 400;
            assertThat(row.at("/avoidedPlacementDaysPerYear/value").asDouble()).isCloseTo(days, within(1e-9));
            assertThat(row.at("/avoidedPlacementDaysPerYear/n").asLong()).isEqualTo(children);
            double municipality = days * (0.35 * 4500 + 0.65 * 1600);
            double others = days * 150 + days * 0.3 * 3000;
            assertThat(row.at("/socioeconomic/avoidedCostsPerYearSek/municipality/value").asDouble()).isCloseTo(municipality, within(1e-6));
            assertThat(row.at("/socioeconomic/avoidedCostsPerYearSek/region/value").asDouble()).isCloseTo(days * 150, within(1e-6));
            double savings = 0;
            double costs = 0;
            for (int t = 1; t <= 5; t++) {
                savings += t >= 2 ? 1 / Math.pow(1.035, t) : 0;
                costs += 1 / Math.pow(1.035, t);
            }
            assertThat(row.at("/socioeconomic/presentValueSek/municipality/value").asDouble()).isCloseTo(municipality * savings, within(1e-6));
            assertThat(row.at("/socioeconomic/netPresentValueSek/value").asDouble())
                    .isCloseTo((municipality + others) * savings - fte * costPerFte * costs, within(1e-6));
            sumOfDays += days;
        }
        assertThat(inv.at("/notYetAdopted/avoidedPlacementDaysPerYear/value").asDouble()).isCloseTo(sumOfDays, within(1e-9));
        JsonNode team = district(inv, TEAM_DISTRICT);
        assertThat(team.at("/status/kind").asText()).isEqualTo("ADOPTED");
        assertThat(team.at("/status/since").asText()).isEqualTo(adopted.toString());
        assertThat(team.at("/capacity/budgetedFteToday").asDouble()).isEqualTo(5.0);
        assertThat(team.at("/capacity/filledFteToday").asDouble()).isEqualTo(4.0);
        assertThat(inv.at("/notYetAdopted/districts").toString()).doesNotContain(TEAM_DISTRICT).contains("bromma", "kungsholmen");
        assertThat(inv.get("synthetic").asBoolean()).isFalse();
        assertThat(inv.get("parameters")).hasSize(SpreadParameter.values().length);
        for (JsonNode p : inv.get("parameters")) {
            assertThat(p.get("source").asText()).isNotBlank();
            assertThat(p.get("unit").asText()).isNotBlank();
        }
    }

    @Test
    void a_scenarios_years_add_up_to_the_districts_figures_for_the_part_of_the_year_each_is_live() {
        JsonNode inv = investigation();
        LocalDate start = LocalDate.now(STOCKHOLM).withDayOfMonth(1).plusMonths(1);
        Api.Response answer = as("analyst").post("/api/v1/spread-investigation/scenarios", Map.of("workModel", "VALLINGBY_TEAM",
                "districts", COMPARISON, "firstWaveStart", start.toString(), "waves", 2, "monthsPerWave", 6,
                "horizonYears", 3, "simulations", 50, "dryRun", true, "fte", Map.of("kungsholmen", 3)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode scenario = answer.json();
        assertThat(scenario.has("scenarioId")).isFalse();
        assertThat(scenario.get("years")).hasSize(3);
        double costPerFte = inv.at("/team/costPerFilledFteYearSek/value").asDouble();
        double firstYearFamilies = 0;
        double firstYearBudget = 0;
        double secondYearFamilies = 0;
        for (JsonNode d : scenario.get("schedule")) {
            String code = d.get("district").asText();
            double share = share(LocalDate.parse(d.get("start").asText()), start, start.plusYears(1));
            double families = district(inv, code).at("/expectedAdditionalAcceptancesPerYear/value").asDouble();
            double fte = code.equals("kungsholmen") ? 3 : district(inv, code).at("/capacity/fteNeeded/value").asDouble();
            assertThat(d.at("/fte/value").asDouble()).isCloseTo(fte, within(1e-9));
            firstYearFamilies += share * families;
            firstYearBudget += share * fte * costPerFte;
            secondYearFamilies += families;
        }
        JsonNode first = scenario.at("/years/0");
        assertThat(first.at("/additionalAcceptingFamilies/value").asDouble()).isCloseTo(firstYearFamilies, within(1e-6));
        assertThat(first.at("/budgetSek/value").asDouble()).isCloseTo(firstYearBudget, within(1e-3));
        assertThat(first.get("districtsLive").asInt()).isEqualTo(2);
        assertThat(scenario.at("/years/1/additionalAcceptingFamilies/value").asDouble()).isCloseTo(secondYearFamilies, within(1e-6));
        assertThat(scenario.at("/years/1/additionalAcceptingFamilies/value").asDouble())
                .isCloseTo(inv.at("/notYetAdopted/expectedAdditionalAcceptancesPerYear/value").asDouble()
                        - sumOfOthers(inv), within(1e-6));
        // Savings begin a year after each district starts: none in the first year, the share after that in the second.
        assertThat(first.at("/avoidedCostsSek/value").asDouble()).isZero();
        double secondYearAvoided = 0;
        for (JsonNode d : scenario.get("schedule")) {
            JsonNode perYear = district(inv, d.get("district").asText()).at("/socioeconomic/avoidedCostsPerYearSek");
            double avoided = perYear.at("/municipality/value").asDouble() + perYear.at("/region/value").asDouble()
                    + perYear.at("/state/value").asDouble();
            secondYearAvoided += share(LocalDate.parse(d.get("start").asText()).plusYears(1), start.plusYears(1), start.plusYears(2)) * avoided;
        }
        assertThat(scenario.at("/years/1/avoidedCostsSek/value").asDouble()).isCloseTo(secondYearAvoided, within(1e-3));
        assertThat(secondYearAvoided).isPositive();
        assertThat(scenario.get("power")).hasSize(2);
        assertThat(scenario.at("/power/0/metric").asText()).isEqualTo("acceptanceRate");
        assertThat(scenario.at("/power/0/power").asDouble()).isBetween(0.0, 1.0);
    }

    /** The not-yet-adopted districts other than the scenario's (they have no cases: their figures are zero). */
    private static double sumOfOthers(JsonNode inv) {
        double sum = 0;
        for (JsonNode row : inv.get("districts")) {
            if (!row.at("/status/kind").asText().equals("ADOPTED") && !COMPARISON.contains(row.get("district").asText())) {
                sum += row.at("/expectedAdditionalAcceptancesPerYear/value").asDouble();
            }
        }
        return sum;
    }

    private static double share(LocalDate start, LocalDate from, LocalDate to) {
        LocalDate begin = start.isAfter(from) ? start : from;
        return start.isBefore(to) ? (double) ChronoUnit.DAYS.between(begin, to) / ChronoUnit.DAYS.between(from, to) : 0;
    }

    @Test
    void a_kept_scenario_is_printed_in_the_report_in_swedish_and_english_with_every_district_and_parameter() {
        Api.Response kept = as("analyst").with("Idempotency-Key", "spread-kept-1").post("/api/v1/spread-investigation/scenarios",
                Map.of("workModel", "VALLINGBY_TEAM", "districts", COMPARISON, "firstWaveStart", "2027-03-01", "waves", 1,
                        "monthsPerWave", 6, "simulations", 50, "parameters", Map.of("discountRate", 0.04)));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        String id = kept.json().get("scenarioId").asText();
        assertThat(kept.json().toString()).contains("\"name\":\"discountRate\",\"value\":0.04");

        JsonNode inv = investigation();
        for (String lang : List.of("sv", "en")) {
            String text = SpreadReports.pdfText(as("analyst"), "?lang=" + lang + "&scenarioId=" + id).replaceAll("-\\s+", "-");
            assertThat(text).contains(lang.equals("sv") ? SpreadReports.SWEDISH_HEADINGS : SpreadReports.ENGLISH_HEADINGS);
            assertThat(text).contains(lang.equals("sv") ? SpreadReports.SWEDISH_PARAMETERS : SpreadReports.ENGLISH_PARAMETERS);
            assertThat(text).contains("2027-03-01").contains(lang.equals("sv") ? "0,04" : "0.04");
            for (JsonNode row : inv.get("districts")) {
                assertThat(text).contains(row.get("name").asText());
            }
            assertThat(text).doesNotContain("Syntetiska", "Synthetic");
        }
        Api.Response page = as("admin").with("Accept", "text/html").get("/api/v1/spread-investigation/report?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<h2>Summary</h2>", "<th scope=\"col\">Source</th>");
        assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_nothing_is_kept() {
        Api analyst = as("analyst");
        assertProblem(analyst.get("/api/v1/spread-investigation?horizonYears=0"), 400);
        assertProblem(analyst.get("/api/v1/spread-investigation?horizonYears=five"), 400);
        assertProblem(analyst.get("/api/v1/spread-investigation?workModel=NO_SUCH_MODEL"), 400);
        assertProblem(analyst.get("/api/v1/spread-investigation/report?lang=de"), 400);
        assertProblem(analyst.get("/api/v1/spread-investigation/report?scenarioId=" + UUID.randomUUID()), 404);
        Map<String, Object> base = Map.of("workModel", "VALLINGBY_TEAM", "districts", COMPARISON,
                "firstWaveStart", "2027-03-01", "waves", 1, "monthsPerWave", 6);
        assertThat(assertProblem(analyst.post("/api/v1/spread-investigation/scenarios", with(base, "parameters",
                Map.of("noSuchCost", 1))), 400).toString()).contains("parameters.noSuchCost");
        assertThat(assertProblem(analyst.post("/api/v1/spread-investigation/scenarios", with(base, "parameters",
                Map.of("discountRate", 0.9))), 400).toString()).contains("parameters.discountRate");
        assertThat(assertProblem(analyst.post("/api/v1/spread-investigation/scenarios", with(base, "parameters",
                Map.of("discountRate", "0.03"))), 400).toString()).contains("parameters.discountRate");
        assertThat(assertProblem(analyst.post("/api/v1/spread-investigation/scenarios", with(base, "districts",
                List.of("bromma", "atlantis"))), 400).toString()).contains("districts");
        assertThat(assertProblem(analyst.post("/api/v1/spread-investigation/scenarios", with(base, "waves", 3)), 400).toString())
                .contains("waves");
        assertThat(assertProblem(analyst.post("/api/v1/spread-investigation/scenarios", with(base, "fte", Map.of("farsta", 2))), 400)
                .toString()).contains("fte");
        assertProblem(as("auditor").get("/api/v1/spread-investigation"), 403);
        assertProblem(as("farsta-admin").get("/api/v1/spread-investigation/report"), 403);
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.put(name, value);
        return copy;
    }
}
