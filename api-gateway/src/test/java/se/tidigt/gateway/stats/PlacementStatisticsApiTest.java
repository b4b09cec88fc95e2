package se.tidigt.gateway.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Out-of-home placements in the statistics, worked by hand: placements, those under LVU, placement days
 * (to the end, or to today while the placement runs) and the share of children placed within 24 months
 * of their first concern among those followed for 24 months; exact for the district, published in multiples
 * of the rounding base for everyone else; and the rollout effect answers on {@code placementWithin24m}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "tidigt.test.context=placement-statistics")
class PlacementStatisticsApiTest extends ApiTest {
    private static final String PERIOD = "?from=2023-01&to=" + YearMonth.now(ZoneId.of("Europe/Stockholm"));

    @BeforeAll
    void fourChildrenInFarsta() {
        Api farsta = as("farsta-admin");
        // A: placed three months after the first concern, 100 days in a family home.
        CaseScript.raise(farsta, "farsta", "2023-03-01T09:00:00Z", CaseScript.child(LocalDate.of(2010, 4, 1), 101))
                .place("2023-06-01T10:00:00Z", "FAMILY_HOME", false).endPlacement("2023-09-09T10:00:00Z");
        // B: never placed.
        CaseScript.raise(farsta, "farsta", "2023-03-10T09:00:00Z", CaseScript.child(LocalDate.of(2011, 5, 2), 102));
        // C: placed under LVU 24 months and 17 days after the first concern (not within 24 months), 10 days in an HVB.
        CaseScript.raise(farsta, "farsta", "2023-03-15T09:00:00Z", CaseScript.child(LocalDate.of(2009, 6, 3), 103))
                .place("2025-04-01T10:00:00Z", "HVB", true).endPlacement("2025-04-11T10:00:00Z");
        // D: a first concern 30 days ago (not followed for 24 months yet), placed under LVU 20 days ago and still placed.
        CaseScript.raise(farsta, "farsta", daysAgo(30).toString(), CaseScript.child(LocalDate.of(2012, 7, 4), 104))
                .place(daysAgo(20).toString(), "SUPPORTED_HOUSING", true);
        awaitStatisticsCaughtUp();
    }

    @Test
    void the_district_sees_its_placements_days_and_share_placed_within_24_months_exactly() {
        JsonNode placements = as("farsta-admin").get("/api/v1/stats/districts/farsta" + PERIOD).json().get("placements");

        assertThat(placements.get("placements").asLong()).isEqualTo(3);
        assertThat(placements.get("compulsory").asLong()).isEqualTo(2);
        assertThat(placements.get("placementDays").asLong()).as("100 + 10 + 20 days").isEqualTo(130);
        JsonNode within = placements.get("placedWithin24Months");
        assertThat(within.get("numerator").asLong()).isEqualTo(1);
        assertThat(within.get("denominator").asLong()).isEqualTo(3);
        assertThat(within.get("value").asDouble()).isEqualTo(0.3333);
        assertThat(within.get("followedTooShort").asLong()).isEqualTo(1);
    }

    @Test
    void an_analyst_gets_the_placement_counts_published_in_multiples_of_the_rounding_base() {
        JsonNode answer = as("analyst").get("/api/v1/stats/districts/farsta" + PERIOD).json();
        long k = answer.at("/protection/threshold").asLong();

        assertThat(k).isGreaterThan(1);
        JsonNode placements = answer.get("placements");
        for (String count : new String[]{"placements", "compulsory", "placementDays"}) {
            assertThat(placements.get(count).asLong() % k).as(count).isZero();
        }
        assertThat(placements.get("compulsory").asLong()).isLessThanOrEqualTo(placements.get("placements").asLong());
        JsonNode within = placements.get("placedWithin24Months");
        long denominator = within.get("denominator").asLong();
        assertThat(denominator % k).isZero();
        if (denominator > 0) {
            assertThat(within.get("value").asDouble()).as("the share of the published counts, never of the exact ones")
                    .isEqualTo(Math.round(10_000.0 * within.get("numerator").asLong() / denominator) / 10_000.0);
        }
    }

    @Test
    void the_rollout_effect_answers_on_placements_within_24_months() {
        Api.Response effect = as("analyst").get("/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=placementWithin24m"
                + "&replicates=99");

        assertThat(effect.status()).as(effect.toString()).isEqualTo(200);
        assertThat(effect.json().get("metric").asText()).isEqualTo("placementWithin24m");
    }
}
