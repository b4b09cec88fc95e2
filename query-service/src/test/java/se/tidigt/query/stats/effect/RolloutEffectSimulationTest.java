package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.query.stats.SyntheticFacts;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.WorkModelAdopted;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollout effect on simulated panels whose true effect is known. */
class RolloutEffectSimulationTest {
    private static final double TRUTH = 0.15;
    private static final EffectQuery QUERY = new EffectQuery(SimulatedRollout.MODEL, EffectMetric.ACCEPTANCE_RATE, null, null,
            null, 7, 199);

    private static SimulatedRollout city(double effect) {
        SimulatedRollout city = new SimulatedRollout(effect);
        IntStream.rangeClosed(1, 12).forEach(i -> city.district(String.format("d%02d", i)));
        return city.adopt("d01", "2024-03-15").adopt("d02", "2024-03-15").adopt("d03", "2024-03-15")
                .adopt("d04", "2024-07-01").adopt("d05", "2024-07-01").adopt("d06", "2024-07-01")
                .adopt("d07", "2024-11-15").adopt("d08", "2024-11-15").adopt("d09", "2024-11-15");
    }

    private static EffectEstimate estimate(SimulatedRollout city, SyntheticFacts facts) {
        Panel panel = Panel.build(facts.facts(), EffectMetric.ACCEPTANCE_RATE, city.exposures(), Function.identity(), null,
                SimulatedRollout.LAST);
        return new EffectEstimate(panel, city.exposures(), SimulatedRollout.LAST, QUERY);
    }

    @Test
    void a_mid_month_adoption_gives_an_unbiased_effect_whose_interval_covers_the_truth() {
        SimulatedRollout city = city(TRUTH);
        EffectEstimate estimate = estimate(city, city.cases(60, 11, Map.of()));
        ObjectNode aggregate = estimate.aggregate();
        assertThat(aggregate.get("att").asDouble()).isBetween(TRUTH - 0.04, TRUTH + 0.04);
        assertThat(aggregate.get("low").asDouble()).isLessThanOrEqualTo(TRUTH);
        assertThat(aggregate.get("high").asDouble()).isGreaterThanOrEqualTo(TRUTH);
        assertThat(aggregate.at("/group/low").asDouble()).isLessThanOrEqualTo(TRUTH);
        assertThat(aggregate.at("/group/high").asDouble()).isGreaterThanOrEqualTo(TRUTH);
        assertThat(aggregate.at("/percentagePoints/att").asDouble()).isBetween(11.0, 19.0);
        assertThat(aggregate.get("treatedDistricts").asInt()).isEqualTo(9);
        assertThat(aggregate.at("/baseline/value").asDouble()).isBetween(0.4, 0.6);

        JsonNode d01 = district(estimate, "d01");
        assertThat(d01.get("adoption").asText()).as("the first month in force from its first day").isEqualTo("2024-04");
        assertThat(d01.get("baseMonth").asText()).as("the partly treated March is not the base").isEqualTo("2024-02");
        assertThat(d01.get("excludedMonths").toString()).contains("2024-03", "part-way");
        assertThat(estimate.warnings(1).toString()).contains("d01 adopted part-way through 2024-03");

        estimate.groupTime().forEach(cell -> assertThat(cell.has("low") && cell.has("high")).isTrue());
        estimate.eventStudy().forEach(point -> assertThat(point.get("low").isNumber()).as(point.toString()).isTrue());
        JsonNode preTrend = estimate.preTrendTest();
        assertThat(preTrend.get("pValue").asDouble()).as("trends are parallel in the simulation").isGreaterThan(0.01);
        assertThat(preTrend.get("degreesOfFreedom").asInt()).isPositive();
    }

    @Test
    void counting_the_partly_treated_month_as_before_would_have_halved_the_effect_of_mid_month_adopters() {
        SimulatedRollout truth = city(TRUTH);
        SyntheticFacts facts = truth.cases(200, 11, Map.of());
        // The classification the platform used before: a month counts as treated when in force on its first day,
        // so March (adopted on the 15th) became the base period of the April cohort.
        SimulatedRollout firstOfMonth = new SimulatedRollout(TRUTH);
        IntStream.rangeClosed(1, 12).forEach(i -> firstOfMonth.district(String.format("d%02d", i)));
        firstOfMonth.adopt("d01", "2024-04-01").adopt("d02", "2024-04-01").adopt("d03", "2024-04-01")
                .adopt("d04", "2024-07-01").adopt("d05", "2024-07-01").adopt("d06", "2024-07-01")
                .adopt("d07", "2024-12-01").adopt("d08", "2024-12-01").adopt("d09", "2024-12-01");
        double old = estimate(firstOfMonth, facts).aggregate().get("att").asDouble();
        double now = estimate(truth, facts).aggregate().get("att").asDouble();
        // Two of three cohorts lose half the effect in their base month: about 0.15 − 2/3 × 0.075 = 0.10.
        assertThat(old).isLessThan(TRUTH - 0.03);
        assertThat(now).isBetween(TRUTH - 0.02, TRUTH + 0.02);
    }

    @Test
    void a_district_without_a_base_month_is_reported_and_not_counted_as_treated() {
        SimulatedRollout city = city(TRUTH).district("d13").adopt("d13", "2024-07-01");
        List<YearMonth> silent = List.of(YearMonth.of(2024, 4), YearMonth.of(2024, 5), YearMonth.of(2024, 6));
        EffectEstimate estimate = estimate(city, city.cases(40, 5, Map.of("d13", silent)));
        ObjectNode aggregate = estimate.aggregate();
        assertThat(aggregate.get("adoptedDistricts").asInt()).isEqualTo(10);
        assertThat(aggregate.get("treatedDistricts").asInt()).isEqualTo(9);
        assertThat(aggregate.get("excludedDistricts").toString()).contains("d13", "missing base period");
        assertThat(district(estimate, "d13").get("excluded").asBoolean()).isTrue();
        assertThat(estimate.warnings(1).toString()).contains("d13 is left out");
    }

    @Test
    void months_after_a_suspension_are_left_out_and_later_spells_reported_apart() {
        SimulatedRollout city = city(TRUTH).suspend("d05", "2025-01-15").reinstate("d05", "2025-04-01");
        EffectEstimate estimate = estimate(city, city.cases(40, 6, Map.of()));
        JsonNode d05 = district(estimate, "d05");
        assertThat(d05.get("spells")).hasSize(2);
        assertThat(d05.get("excludedMonths").toString()).contains("2025-01", "2025-05", "after the first spell");
        assertThat(estimate.warnings(1).toString()).contains("d05 had the model suspended and reinstated");
        ObjectNode aggregate = estimate.aggregate();
        assertThat(aggregate.get("low").asDouble()).isLessThanOrEqualTo(TRUTH);
        assertThat(aggregate.get("high").asDouble()).isGreaterThanOrEqualTo(TRUTH);
    }

    @Test
    void randomisation_inference_redraws_the_seeded_plan_and_finds_a_real_effect_but_not_a_null_one() {
        List<String> districts = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("d%02d", i)).toList();
        List<WaveAssignment> schedule = SteppedWedge.schedule(districts, LocalDate.of(2024, 1, 1), 4, 3, 42);
        RolloutPlanView plan = new RolloutPlanView("plan-1", SimulatedRollout.MODEL, RolloutDesign.STEPPED_WEDGE, 42,
                LocalDate.of(2024, 1, 1), 4, 3, schedule, SteppedWedge.comparisonDistricts(schedule), "analyst",
                Instant.parse("2023-06-01T00:00:00Z"), "admin", Instant.parse("2023-06-02T00:00:00Z"));
        for (double effect : new double[]{TRUTH, 0.0}) {
            SimulatedRollout city = new SimulatedRollout(effect);
            // The last wave starts after the data end: a never-treated comparison throughout.
            schedule.forEach(a -> city.planned(a.district(), a.start().toString(), "plan-1", a.wave()));
            SyntheticFacts facts = city.cases(40, 9, Map.of());
            Panel panel = Panel.build(facts.facts(), EffectMetric.ACCEPTANCE_RATE, city.exposures(), Function.identity(),
                    null, SimulatedRollout.LAST);
            ObjectNode test = new PlanRandomisation(id -> Optional.of(plan), panel, city.exposures(), SimulatedRollout.LAST)
                    .test(QUERY, districts);
            assertThat(test.get("available").asBoolean()).isTrue();
            if (effect > 0) {
                assertThat(test.get("pValue").asDouble()).as("a real effect").isLessThanOrEqualTo(0.05);
            } else {
                assertThat(test.get("pValue").asDouble()).as("no effect").isGreaterThan(0.05);
            }
        }
        ObjectNode unplanned = new PlanRandomisation(id -> Optional.empty(), null, Map.of(), SimulatedRollout.LAST)
                .test(QUERY, List.of("d01"));
        assertThat(unplanned.get("available").asBoolean()).isFalse();
    }

    @Test
    void the_current_month_and_months_with_open_answers_are_left_out_and_say_why() {
        SimulatedRollout city = city(TRUTH);
        SyntheticFacts facts = city.cases(20, 3, Map.of())
                .add("d10", "ORDINARY", "2025-05-20T09:00:00Z", "AO")
                .add("d10", "ORDINARY", "2025-07-02T09:00:00Z", "A");
        EffectEstimate estimate = estimate(city, facts);
        String excluded = district(estimate, "d10").get("excludedMonths").toString();
        assertThat(excluded).contains("2025-05", "answers are still open");
        assertThat(excluded).contains("2025-07", "current month is not complete");
    }

    @Test
    void an_adoption_recorded_under_a_predecessor_district_counts_for_its_successor() {
        RolloutTimeline successor = RolloutTimeline.of(List.of());
        RolloutTimeline predecessor = RolloutTimeline.of(List.of(new WorkModelAdopted("rinkeby-kista", SimulatedRollout.MODEL,
                LocalDate.of(2022, 5, 1))));
        Exposure jarva = Exposure.of(List.of(successor, predecessor), SimulatedRollout.MODEL);
        assertThat(jarva.firstAdoption()).isEqualTo(LocalDate.of(2022, 5, 1));
        assertThat(jarva.firstTreatedMonth()).isEqualTo(YearMonth.of(2022, 5));
    }

    private static JsonNode district(EffectEstimate estimate, String district) {
        for (JsonNode row : estimate.districts()) {
            if (row.get("district").asText().equals(district)) {
                return row;
            }
        }
        throw new AssertionError(district);
    }
}
