package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.DemoCityTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The investigation on the demo city: a gain with an interval, posts and cost for every district yet to adopt; the report in both languages. */
class SpreadDemoCityApiTest extends DemoCityTest {

    @Test
    void every_district_without_the_team_shows_a_positive_gain_with_its_interval_the_posts_it_needs_and_its_cost() {
        long started = System.nanoTime();
        JsonNode inv = as("analyst").get("/api/v1/spread-investigation?workModel=VALLINGBY_TEAM&horizonYears=5").json();
        long first = System.nanoTime();
        assertThat(as("admin").get("/api/v1/spread-investigation?workModel=VALLINGBY_TEAM&horizonYears=5").json()).isEqualTo(inv);
        System.out.printf("Spread investigation on the demo city: %d ms computed, %d ms kept%n", (first - started) / 1_000_000,
                (System.nanoTime() - first) / 1_000_000);
        assertThat(inv.get("synthetic").asBoolean()).isTrue();
        assertThat(inv.at("/pooledEffect/estimate").asDouble()).isPositive();
        assertThat(inv.at("/team/casesPerFilledFte/value").asDouble()).isPositive();
        int open = 0;
        for (JsonNode d : inv.get("districts")) {
            if (d.at("/status/kind").asText().equals("ADOPTED")) {
                continue;
            }
            open++;
            JsonNode gain = d.get("expectedAdditionalAcceptancesPerYear");
            assertThat(gain.get("value").asDouble()).as(d.get("district").asText()).isPositive();
            assertThat(gain.get("low").asDouble()).as(d.get("district").asText()).isPositive().isLessThanOrEqualTo(gain.get("value").asDouble());
            assertThat(gain.get("high").asDouble()).isGreaterThanOrEqualTo(gain.get("value").asDouble());
            assertThat(gain.get("n").asLong()).isPositive();
            assertThat(d.at("/capacity/fteNeeded/value").asDouble()).isPositive();
            assertThat(d.at("/cost/yearlyCostSek/value").asDouble()).isPositive();
            assertThat(d.at("/cost/incrementalCostPerAdditionalAcceptedFamilySek/value").asDouble()).isPositive();
        }
        assertThat(open).as("the demo plan's last wave has not started").isPositive();
        // Placements: the demo city places fewer children in the team; where the engine publishes that effect, every
        // district yet to adopt avoids placement days and has a net present value, else each says why not.
        JsonNode placement = inv.get("pooledEffectOnPlacementWithin24m");
        System.out.printf("Demo effect on placements: %s%n", placement);
        for (JsonNode d : inv.get("districts")) {
            if (!d.at("/status/kind").asText().equals("ADOPTED")) {
                if (placement.path("estimate").isNumber()) {
                    assertThat(d.at("/avoidedPlacementDaysPerYear/value").asDouble())
                            .isCloseTo(-placement.get("estimate").asDouble() * d.at("/intake/childrenPerYear").asLong() * 400, within(1e-6));
                    assertThat(d.at("/socioeconomic/netPresentValueSek/value").isNumber()).isTrue();
                } else {
                    assertThat(d.at("/socioeconomic/reason").asText()).contains(placement.get("reason").asText());
                }
            }
        }
        assertThat(inv.at("/notYetAdopted/districts")).hasSize(open);
    }

    @Test
    void the_report_downloads_in_swedish_and_english_with_the_synthetic_marker_and_every_district() {
        JsonNode inv = as("analyst").get("/api/v1/spread-investigation?workModel=VALLINGBY_TEAM&horizonYears=5").json();
        long started = System.nanoTime();
        String sv = SpreadReports.pdfText(as("analyst"), "?lang=sv").replaceAll("-\\s+", "-");
        System.out.printf("Spread report on the demo city, PDF in Swedish: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        String en = SpreadReports.pdfText(as("admin"), "?lang=en").replaceAll("-\\s+", "-");
        assertThat(sv).contains(SpreadReports.SWEDISH_HEADINGS).contains(SpreadReports.SWEDISH_PARAMETERS).contains("Syntetiska demodata");
        assertThat(en).contains(SpreadReports.ENGLISH_HEADINGS).contains(SpreadReports.ENGLISH_PARAMETERS).contains("Synthetic demo data");
        for (JsonNode d : inv.get("districts")) {
            assertThat(sv).contains(d.get("name").asText());
            assertThat(en).contains(d.get("name").asText());
        }
    }
}
