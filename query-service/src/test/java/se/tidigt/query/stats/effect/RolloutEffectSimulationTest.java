package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;
import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.query.stats.SyntheticFacts;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;
import se.tidigt.rollout.api.WorkModelAdopted;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollout effect on simulated cities whose true effect is known, read as the answer publishes it. */
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

    private static EffectAnswer answer(SimulatedRollout city, SyntheticFacts facts, EffectQuery query) {
        YearMonth from = query.from() == null ? null : YearMonth.from(query.from());
        Panel panel = Panel.build(facts.facts().stream().filter(c -> from == null || !c.concernMonth().isBefore(from)).toList(),
                query.metric(), city.exposures(), Function.identity(), from, SimulatedRollout.LAST);
        return new EffectEstimate(panel, city.exposures(), query, id -> Optional.empty())
                .answer("method", SimulatedRollout.LAST, List.of(), "caveat", List.of());
    }

    private static EffectAnswer.DistrictRow district(EffectAnswer answer, String district) {
        return answer.districts().stream().filter(d -> d.district().equals(district)).findFirst().orElseThrow();
    }

    @Test
    void a_mid_month_adoption_gives_an_effect_in_whole_points_whose_interval_covers_the_truth() {
        SimulatedRollout city = city(TRUTH);
        EffectAnswer answer = answer(city, city.cases(40, 11, Map.of()), QUERY);
        EffectAnswer.Aggregate aggregate = answer.aggregate();
        assertThat(aggregate.att()).isBetween(TRUTH - 0.04, TRUTH + 0.04);
        assertThat(aggregate.low()).isLessThanOrEqualTo(TRUTH);
        assertThat(aggregate.high()).isGreaterThanOrEqualTo(TRUTH);
        for (double figure : new double[]{aggregate.att(), aggregate.low(), aggregate.high()}) {
            assertThat(figure * 100).as("whole percentage points").isCloseTo(Math.rint(figure * 100), org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(aggregate.treatedDistricts()).isEqualTo(9);
        assertThat(aggregate.percentagePoints().att()).isBetween(11.0, 19.0);
        EffectAnswer.DistrictRow d01 = district(answer, "d01");
        assertThat(d01.adoption()).as("the first month in force from its first day").isEqualTo("2024-04");
        assertThat(d01.baseTo()).as("the partly treated March is not in the base").isEqualTo("2024-03");
        assertThat(d01.excludedMonths().toString()).contains("2024-03", "part-way");
        assertThat(answer.warnings().toString()).contains("d01 adopted part-way through 2024-03");
        assertThat(answer.cohorts()).hasSize(3).allSatisfy(c -> assertThat(c.low()).isNotNull());
        assertThat(answer.districts().stream().filter(d -> d.att() != null)).hasSize(9);
        assertThat(answer.sensitivity()).extracting(EffectAnswer.Sensitivity::mBar).containsExactly(0.5, 1.0, 2.0);
        assertThat(answer.sensitivity().get(2).high()).isGreaterThanOrEqualTo(answer.sensitivity().get(0).high());
        assertThat(answer.preTrendTest().pValue()).as("trends are parallel in the simulation").isGreaterThan(0.01);
        assertThat(answer.randomisationInference().available()).isTrue();
        assertThat(answer.randomisationInference().order()).contains("permuted");
    }

    @Test
    void a_cohort_whose_quarters_hold_too_few_answers_is_read_in_longer_windows_rather_than_dropped() {
        SimulatedRollout city = city(TRUTH);
        EffectAnswer answer = answer(city, city.cases(2, 4, Map.of()), QUERY);
        assertThat(answer.cohorts()).allSatisfy(c -> assertThat(c.windowMonths()).isGreaterThan(3));
        assertThat(answer.aggregate().excludedDistricts()).isEmpty();
        assertThat(answer.groupTime()).filteredOn(c -> c.withheld() == null)
                .allSatisfy(c -> assertThat(c.months()).isGreaterThan(3));
        assertThat(answer.warnings().toString()).contains("fewer than 20 answers");
    }

    @Test
    void a_filter_with_too_few_answers_is_withheld_with_the_reason() {
        SimulatedRollout city = city(TRUTH);
        EffectAnswer answer = answer(city, city.cases(1, 4, Map.of()), new EffectQuery(SimulatedRollout.MODEL,
                EffectMetric.ACCEPTANCE_RATE, null, LocalDate.of(2024, 1, 1), null, 7, 199));
        assertThat(answer.aggregate().att()).as(answer.groupTime().toString()).isNull();
        assertThat(answer.aggregate().low()).isNull();
        assertThat(answer.aggregate().withheld()).contains("20 answers");
        assertThat(answer.groupTime()).allSatisfy(c -> assertThat(c.att() == null || c.withheld() == null).isTrue());
    }

    @Test
    void an_effect_that_starts_two_months_before_adoption_is_named_and_recovered_with_anticipation() {
        SimulatedRollout city = city(0.30);
        city.leadMonths = 2;
        SyntheticFacts facts = city.cases(40, 12, Map.of());
        EffectAnswer plain = answer(city, facts, QUERY);
        assertThat(plain.warnings().toString()).contains("Anticipation");
        assertThat(plain.anticipationCheck().att()).isGreaterThan(0.05);
        EffectAnswer declared = answer(city, facts, new EffectQuery(SimulatedRollout.MODEL, EffectMetric.ACCEPTANCE_RATE, null,
                null, null, 3, 7, 199));
        assertThat(declared.anticipation()).isEqualTo(3);
        assertThat(declared.aggregate().att()).isBetween(0.25, 0.35);
        assertThat(declared.aggregate().low()).isLessThanOrEqualTo(0.30);
        assertThat(declared.aggregate().high()).isGreaterThanOrEqualTo(0.30);
    }

    @Test
    void a_suspension_ends_the_first_spell_and_its_fall_is_reported_as_a_spell() {
        SimulatedRollout city = city(0.30).suspend("d05", "2025-01-01");
        IntStream.rangeClosed(13, 16).forEach(i -> city.district("d" + i));
        EffectAnswer answer = answer(city, city.cases(40, 6, Map.of()), QUERY);
        assertThat(district(answer, "d05").excludedMonths().toString()).contains("2025-01", "after the first spell");
        EffectAnswer.SpellEffect suspension = answer.spells().stream().filter(s -> s.district().equals("d05")).findFirst()
                .orElseThrow();
        assertThat(suspension.kind()).isEqualTo("SUSPENSION");
        assertThat(suspension.from()).isEqualTo("2025-01-01");
        assertThat(suspension.estimate()).isBetween(-0.45, -0.15);
        assertThat(suspension.high()).isLessThan(0);
        assertThat(answer.warnings().toString()).contains("d05 had the model suspended");
    }

    @Test
    void a_pilot_outside_the_plan_keeps_its_adoption_while_the_plan_is_redrawn() {
        List<String> districts = IntStream.rangeClosed(1, 11).mapToObj(i -> String.format("d%02d", i)).toList();
        List<WaveAssignment> schedule = SteppedWedge.schedule(districts, LocalDate.of(2024, 1, 1), 4, 3, 42);
        RolloutPlanView plan = new RolloutPlanView("plan-1", SimulatedRollout.MODEL, RolloutDesign.STEPPED_WEDGE, 42,
                LocalDate.of(2024, 1, 1), 4, 3, schedule, SteppedWedge.comparisonDistricts(schedule), "analyst",
                Instant.parse("2023-06-01T00:00:00Z"), "admin", Instant.parse("2023-06-02T00:00:00Z"));
        for (double effect : new double[]{TRUTH, 0.0}) {
            SimulatedRollout city = new SimulatedRollout(effect).district("pilot").adopt("pilot", "2022-07-01");
            schedule.forEach(a -> city.planned(a.district(), a.start().toString(), "plan-1", a.wave()));
            SyntheticFacts facts = city.cases(40, 9, Map.of());
            Panel panel = Panel.build(facts.facts(), EffectMetric.ACCEPTANCE_RATE, city.exposures(), Function.identity(), null,
                    SimulatedRollout.LAST);
            EffectAnswer answer = new EffectEstimate(panel, city.exposures(), QUERY, id -> Optional.of(plan))
                    .answer("m", SimulatedRollout.LAST, List.of(), "c", List.of());
            assertThat(answer.randomisationInference().available()).isTrue();
            assertThat(answer.randomisationInference().planId()).isEqualTo("plan-1");
            if (effect > 0) {
                assertThat(answer.randomisationInference().pValue()).as("a real effect").isLessThanOrEqualTo(0.05);
            } else {
                assertThat(answer.randomisationInference().pValue()).as("no effect").isGreaterThan(0.05);
            }
        }
    }

    @Test
    void the_share_of_concerns_that_lead_to_an_accepted_intervention_is_a_metric_of_its_own() {
        SimulatedRollout city = city(TRUTH);
        SyntheticFacts facts = city.cases(40, 11, Map.of());
        EffectAnswer answer = answer(city, facts, new EffectQuery(SimulatedRollout.MODEL,
                EffectMetric.fromApiName("concernToAcceptedIntervention"), null, null, null, 7, 199));
        assertThat(answer.metric()).isEqualTo("concernToAcceptedIntervention");
        // every simulated concern has one answered offer, so the share moves as acceptance does
        assertThat(answer.aggregate().att()).isBetween(TRUTH - 0.04, TRUTH + 0.04);
        assertThat(answer.aggregate().low()).isLessThanOrEqualTo(TRUTH);
        assertThat(answer.aggregate().high()).isGreaterThanOrEqualTo(TRUTH);
    }

    @Test
    void months_with_open_answers_are_left_out_and_say_why() {
        SimulatedRollout city = city(TRUTH);
        SyntheticFacts facts = city.cases(20, 3, Map.of()).add("d10", "ORDINARY", "2025-05-20T09:00:00Z", "AO");
        assertThat(district(answer(city, facts, QUERY), "d10").excludedMonths().toString())
                .contains("2025-05", "not complete");
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

    @Test
    void the_answer_takes_under_a_fraction_of_a_second_warm_printed_for_the_docs() {
        SimulatedRollout city = city(TRUTH);
        SyntheticFacts facts = city.cases(10, 2, Map.of());
        EffectQuery query = new EffectQuery(SimulatedRollout.MODEL, EffectMetric.ACCEPTANCE_RATE, null, null, null, 7, 999);
        for (int run = 1; run <= 5; run++) {
            long start = System.nanoTime();
            answer(city, facts, query);
            System.out.printf("Rollout effect run %d (12 districts, 72 months, 999 draws): %d ms%n", run,
                    (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(answer(city, facts, query).randomisationInference().draws()).isEqualTo(999);
    }
}
