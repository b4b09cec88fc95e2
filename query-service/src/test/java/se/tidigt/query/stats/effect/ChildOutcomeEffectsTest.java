package se.tidigt.query.stats.effect;

import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.ChildHistories;
import se.tidigt.rollout.api.RolloutTimeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The outcomes that follow a child beyond one case, on simulated cities with a known effect: re-referral
 * within 12 months of a closure and support that came two or more years after the first concern, read
 * through the same panel, estimator and output rules as acceptance.
 */
class ChildOutcomeEffectsTest {
    private static final LocalDate TODAY = SimulatedRollout.LAST.plusMonths(1).atDay(1);
    private static final int PER_MONTH = 25;

    private static SimulatedRollout city() {
        SimulatedRollout city = new SimulatedRollout(0);
        IntStream.rangeClosed(1, 12).forEach(i -> city.district(String.format("d%02d", i)));
        return city.adopt("d01", "2022-03-15").adopt("d02", "2022-03-15").adopt("d03", "2022-03-15")
                .adopt("d04", "2022-07-01").adopt("d05", "2022-07-01").adopt("d06", "2022-07-01")
                .adopt("d07", "2022-11-15").adopt("d08", "2022-11-15").adopt("d09", "2022-11-15");
    }

    private static boolean treated(SimulatedRollout city, String district, LocalDate day) {
        return RolloutTimeline.of(city.events.get(district)).modelInForceOn(day).filter(SimulatedRollout.MODEL::equals).isPresent();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private static CaseFact fact(String id, String district, String concern, LocalDate received, LocalDate started,
                                 LocalDate closed) {
        Instant offered = at(received.plusDays(20));
        CaseFact.OfferFact offer = new CaseFact.OfferFact(id + "-offer", offered, "ACCEPTED", offered.plusSeconds(3600),
                started == null ? null : at(started), null);
        return new CaseFact(id, district, district, "ORDINARY", Set.of(concern), "child-" + id.split("/")[0],
                YearMonth.of(2014, 3), at(received), at(received), at(received), "EARLY_SUPPORT", null, null, null, null,
                closed == null ? null : at(closed), 1, List.of(offer), Map.of());
    }

    /** One child's first case, made from its district, its day, a fresh id prefix and the city's random numbers. */
    private interface FirstCase {
        CaseFact of(String district, LocalDate received, String id, Random random);
    }

    /** {@link #PER_MONTH} children's first cases a month in every district over the simulated years. */
    private static List<CaseFact> firstConcerns(SimulatedRollout city, long seed, FirstCase firstCase) {
        Random random = new Random(seed);
        List<CaseFact> all = new ArrayList<>();
        int child = 0;
        for (String district : city.events.keySet()) {
            for (YearMonth month = SimulatedRollout.FIRST; !month.isAfter(SimulatedRollout.LAST); month = month.plusMonths(1)) {
                for (int i = 0; i < PER_MONTH; i++) {
                    all.add(firstCase.of(district, month.atDay(1 + i % 28), (++child) + "/", random));
                }
            }
        }
        return all;
    }

    /** The same case with the child placed out of home on a day (HVB, 60 days). */
    private static CaseFact placed(CaseFact c, LocalDate on) {
        return new CaseFact(c.caseId(), c.district(), c.currentDistrict(), c.workModel(), c.concerns(), c.child(), c.birthMonth(),
                c.receivedAt(), c.protectionAssessedAt(), c.initialAssessedAt(), c.initialDecision(), c.investigationOpenedAt(),
                c.investigationDue(), c.investigationConcludedAt(), c.investigationOutcome(), c.closedAt(), c.workers(), c.offers(),
                c.collaborations(), List.of(new CaseFact.PlacementFact(c.caseId() + "-placement", "HVB", false, at(on),
                        at(on.plusDays(60)))));
    }

    private static EffectAnswer answer(SimulatedRollout city, List<CaseFact> all, String concern, EffectMetric metric) {
        List<CaseFact> cases = all.stream().filter(c -> c.concerns().contains(concern)).toList();
        Panel panel = Panel.build(cases, metric, city.exposures(), Function.identity(), null, SimulatedRollout.LAST,
                new ChildHistories(all, TODAY));
        return new EffectEstimate(panel, city.exposures(), new EffectQuery(SimulatedRollout.MODEL, metric, Set.of(concern), null,
                null, 5, 199), id -> Optional.empty()).answer("method", SimulatedRollout.LAST, List.of(), "caveat", List.of());
    }

    @Test
    void a_model_that_lowers_re_referral_by_15_points_is_found_with_an_interval_covering_it() {
        SimulatedRollout city = city();
        Random random = new Random(41);
        List<CaseFact> all = new ArrayList<>();
        int child = 0;
        for (String district : city.events.keySet()) {
            for (YearMonth month = SimulatedRollout.FIRST; !month.isAfter(SimulatedRollout.LAST); month = month.plusMonths(1)) {
                for (int i = 0; i < PER_MONTH; i++) {
                    LocalDate received = month.atDay(1 + i % 28);
                    LocalDate closed = received.plusDays(45);
                    boolean closedByToday = closed.isBefore(TODAY);
                    String id = (++child) + "/";
                    all.add(fact(id + "first", district, "CRIME_RISK", received, received.plusDays(25),
                            closedByToday ? closed : null));
                    double p = 0.35 - (treated(city, district, received) ? 0.15 : 0);
                    LocalDate again = closed.plusMonths(5);
                    if (random.nextDouble() < p && again.isBefore(TODAY)) {
                        all.add(fact(id + "again", district, "NEGLECT", again, null, null));
                    }
                }
            }
        }

        EffectAnswer answer = answer(city, all, "CRIME_RISK", EffectMetric.RE_REFERRAL_12M);

        System.out.println("Re-referral effect: " + answer.aggregate());
        assertThat(answer.metric()).isEqualTo("reReferral12m");
        assertThat(answer.aggregate().att()).as(answer.aggregate().toString()).isCloseTo(-0.15, within(0.05));
        assertThat(answer.aggregate().low()).isLessThanOrEqualTo(-0.15);
        assertThat(answer.aggregate().high()).isGreaterThanOrEqualTo(-0.15).isLessThan(0);
        assertThat(answer.aggregate().att() * 100).as("whole points").isCloseTo(Math.rint(answer.aggregate().att() * 100),
                within(1e-9));
        assertThat(answer.districts().stream().filter(d -> d.district().equals("d01")).findFirst().orElseThrow()
                .excludedMonths().toString()).as("closures not yet followed for a year").contains("2025-01", "not complete");
    }

    @Test
    void a_model_that_halves_late_support_is_found_with_an_interval_covering_it() {
        SimulatedRollout city = city();
        List<CaseFact> all = firstConcerns(city, 43, (district, received, id, random) -> {
            double p = 0.40 - (treated(city, district, received) ? 0.20 : 0);
            LocalDate started = received.plusDays(random.nextDouble() < p ? 800 : 60);
            boolean helped = started.isBefore(TODAY);
            return fact(id + "first", district, "CRIME_RISK", received, helped ? started : null,
                    helped ? started.plusDays(90).isBefore(TODAY) ? started.plusDays(90) : null : null);
        });

        EffectAnswer answer = answer(city, all, "CRIME_RISK", EffectMetric.LATE_SUPPORT);

        System.out.println("Late support effect: " + answer.aggregate());
        assertThat(answer.metric()).isEqualTo("lateSupport");
        assertThat(answer.aggregate().att()).as(answer.aggregate().toString()).isCloseTo(-0.20, within(0.05));
        assertThat(answer.aggregate().low()).isLessThanOrEqualTo(-0.20);
        assertThat(answer.aggregate().high()).isGreaterThanOrEqualTo(-0.20).isLessThan(0);
        assertThat(answer.districts().stream().filter(d -> d.district().equals("d01")).findFirst().orElseThrow()
                .excludedMonths().toString()).as("children still waiting with a case open").contains("2025-01", "not complete");
    }

    @Test
    void a_model_that_halves_placements_within_24_months_is_found_with_an_interval_covering_it() {
        SimulatedRollout city = city();
        List<CaseFact> all = firstConcerns(city, 47, (district, received, id, random) -> {
            double p = 0.30 - (treated(city, district, received) ? 0.15 : 0);
            LocalDate placedOn = received.plusDays(200);
            CaseFact first = fact(id + "first", district, "CRIME_RISK", received, received.plusDays(25),
                    received.plusDays(400).isBefore(TODAY) ? received.plusDays(400) : null);
            return random.nextDouble() < p && placedOn.isBefore(TODAY) ? placed(first, placedOn) : first;
        });

        EffectAnswer answer = answer(city, all, "CRIME_RISK", EffectMetric.PLACEMENT_WITHIN_24M);

        System.out.println("Placement effect: " + answer.aggregate());
        assertThat(answer.metric()).isEqualTo("placementWithin24m");
        assertThat(answer.aggregate().att()).as(answer.aggregate().toString()).isCloseTo(-0.15, within(0.05));
        assertThat(answer.aggregate().low()).isLessThanOrEqualTo(-0.15);
        assertThat(answer.aggregate().high()).isGreaterThanOrEqualTo(-0.15).isLessThan(0);
        assertThat(answer.districts().stream().filter(d -> d.district().equals("d01")).findFirst().orElseThrow()
                .excludedMonths().toString()).as("first concerns not yet followed for 24 months").contains("2024-01", "not complete");
    }

    @Test
    void a_placement_counts_for_the_childs_first_concern_within_24_months_whichever_case_holds_it() {
        LocalDate first = LocalDate.of(2020, 2, 3);
        List<CaseFact> all = List.of(
                fact("1/a", "d10", "CRIME_RISK", first, null, first.plusDays(90)),
                placed(fact("1/b", "d11", "NEGLECT", first.plusMonths(10), null, first.plusMonths(14)), first.plusMonths(11)),
                placed(fact("2/a", "d10", "CRIME_RISK", first, null, first.plusMonths(30)), first.plusMonths(25)),
                fact("3/a", "d10", "CRIME_RISK", first, null, first.plusDays(30)),
                placed(fact("4/a", "d10", "CRIME_RISK", LocalDate.of(2024, 2, 1), null, null), LocalDate.of(2024, 3, 1)));
        ChildHistories children = new ChildHistories(all, TODAY);
        List<CaseFact> february = all.stream().filter(c -> c.receivedAt().equals(at(first))).toList();

        assertThat(EffectMetric.PLACEMENT_WITHIN_24M.exact(february, children))
                .as("child 1 placed in another case, child 2 after 25 months, child 3 never").containsExactly(1, 3);
        assertThat(EffectMetric.PLACEMENT_WITHIN_24M.exact(List.of(all.get(1)), children)).as("not the child's first concern")
                .containsExactly(0, 0);
        assertThat(EffectMetric.PLACEMENT_WITHIN_24M.exact(List.of(all.get(4)), children))
                .as("a first concern less than 24 months before today is not counted yet").containsExactly(0, 0);
        assertThat(EffectMetric.PLACEMENT_WITHIN_24M.pending(all.get(4), children)).isTrue();
    }

    @Test
    void only_a_childs_first_concern_counts_for_late_support_and_a_new_concern_of_any_kind_for_re_referral() {
        SimulatedRollout city = city();
        LocalDate first = LocalDate.of(2020, 2, 3);
        List<CaseFact> all = List.of(
                fact("1/a", "d10", "CRIME_RISK", first, first.plusYears(3), first.plusYears(3).plusDays(30)),
                fact("1/b", "d10", "CRIME_RISK", first.plusYears(2).plusDays(10), first.plusYears(3), first.plusYears(3)),
                fact("2/a", "d10", "CRIME_RISK", first, first.plusDays(30), first.plusDays(60)),
                fact("2/b", "d11", "NEGLECT", first.plusDays(200), null, first.plusDays(230)));
        ChildHistories children = new ChildHistories(all, TODAY);
        List<CaseFact> february = all.stream().filter(c -> c.receivedAt().equals(at(first))).toList();

        assertThat(EffectMetric.LATE_SUPPORT.exact(february, children)).containsExactly(1, 2);
        assertThat(EffectMetric.LATE_SUPPORT.exact(List.of(all.get(1)), children)).as("not the child's first concern")
                .containsExactly(0, 0);
        assertThat(EffectMetric.RE_REFERRAL_12M.exact(february, children)).as("child 2 again in another district and kind")
                .containsExactly(1, 2);
    }
}
