package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers from cell summaries equal the fact-by-fact answers (the oracle {@link FactByFactStatistics})
 * to the character, over random cities and random queries, exact and protected, on several days.
 */
class CellSummariesTest {
    private static final List<String> TODAYS = List.of("2026-11-25T10:00:00Z", "2026-12-31T23:30:00Z",
            "2027-06-15T12:00:00Z", "2025-03-10T08:00:00Z");
    private static final List<String> QUERY_DISTRICTS = List.of("farsta", "hasselby-vallingby", "rinkeby-kista",
            "spanga-tensta", "jarva");

    private static CaseStatistics statistics(SyntheticFacts facts, String secret, String today) {
        return new CaseStatistics(facts.repository(), SyntheticFacts.STOCKHOLM,
                new CellKeyMethod(new KeyedRecordKeys("deployment-secret-" + secret), new PerturbationTable(5, 2)),
                Clock.fixed(Instant.parse(today), ZoneOffset.UTC));
    }

    /** The fact-by-fact oracle's answer for the same facts, secret and day ({@code protect} as protectedRows). */
    private static List<ObjectNode> factByFact(SyntheticFacts facts, String secret, String today, StatsQuery query, boolean protect) {
        CellKeyMethod cellKey = new CellKeyMethod(new KeyedRecordKeys("deployment-secret-" + secret), new PerturbationTable(5, 2));
        return new FactByFactStatistics(SyntheticFacts.STOCKHOLM, cellKey).build(facts.facts(), List.of(),
                protect ? query.wholeMonths() : query, protect, Stats.date(Instant.parse(today)));
    }

    @Test
    void summary_answers_equal_the_fact_by_fact_answers_for_every_query() {
        int compared = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SyntheticFacts city = SyntheticCity.of(seed, seed == 1 ? 60 : 900);
            CellKeyMethod cellKey = new CellKeyMethod(new KeyedRecordKeys("deployment-secret-" + seed), new PerturbationTable(5, 2));
            // One set of summaries serves every query and every day, as it does at one projection position.
            CellSummaries summaries = CellSummaries.of(city.facts(), cellKey.keys());
            SummaryStatistics served = new SummaryStatistics(SyntheticFacts.STOCKHOLM, cellKey);
            FactByFactStatistics reference = new FactByFactStatistics(SyntheticFacts.STOCKHOLM, cellKey);
            Random random = new Random(seed * 7919);
            for (int q = 0; q < 40 * TODAYS.size(); q++) {
                LocalDate today = Stats.date(Instant.parse(TODAYS.get(random.nextInt(TODAYS.size()))));
                boolean protect = random.nextBoolean();
                StatsQuery query = protect ? query(random).wholeMonths() : query(random);
                assertThat(served.build(summaries, List.of(), query, protect, today).toString())
                        .as("seed %d, today %s, %s %s", seed, today, protect ? "protected" : "exact", query)
                        .isEqualTo(reference.build(city.facts(), List.of(), query, protect, today).toString());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(4 * TODAYS.size() * 40);
    }

    @Test
    void the_statistics_service_answers_as_its_reference_for_random_queries() {
        SyntheticFacts city = SyntheticCity.of(11, 500);
        Random random = new Random(11);
        for (String today : TODAYS) {
            CaseStatistics stats = statistics(city, "secret-11", today);
            for (int q = 0; q < 10; q++) {
                StatsQuery query = query(random);
                assertThat(stats.protectedRows(query).toString()).isEqualTo(factByFact(city, "secret-11", today, query, true).toString());
                assertThat(stats.rows(query).toString()).isEqualTo(factByFact(city, "secret-11", today, query, false).toString());
                assertThat(stats.reference(query, true).toString()).isEqualTo(stats.protectedRows(query).toString());
            }
        }
    }

    @Test
    void every_grouping_of_the_whole_city_equals_the_fact_by_fact_answer_exact_and_protected() {
        SyntheticFacts city = SyntheticCity.of(42, 1_500);
        CaseStatistics stats = statistics(city, "the-deployment", TODAYS.get(0));
        for (StatsQuery.Grouping grouping : StatsQuery.Grouping.values()) {
            for (boolean historical : new boolean[]{false, true}) {
                StatsQuery query = new StatsQuery(null, null, null, null, null, historical, grouping);
                assertThat(stats.rows(query).toString()).as("exact " + query)
                        .isEqualTo(factByFact(city, "the-deployment", TODAYS.get(0), query, false).toString());
                assertThat(stats.protectedRows(query).toString()).as("protected " + query)
                        .isEqualTo(factByFact(city, "the-deployment", TODAYS.get(0), query, true).toString());
            }
        }
    }

    @Test
    void a_day_range_counts_the_partly_covered_months_case_by_case() {
        SyntheticFacts city = SyntheticCity.of(7, 1_200);
        CaseStatistics stats = statistics(city, "the-deployment", TODAYS.get(0));
        StatsQuery query = new StatsQuery(LocalDate.parse("2023-02-11"), LocalDate.parse("2024-07-19"), Set.of("jarva"), null,
                null, false, StatsQuery.Grouping.MONTH);
        List<ObjectNode> rows = stats.rows(query);
        assertThat(rows.get(0).get("group").get("month").asText()).isEqualTo("2023-02");
        assertThat(rows.get(rows.size() - 1).get("group").get("month").asText()).isEqualTo("2024-07");
        assertThat(rows.toString()).isEqualTo(factByFact(city, "the-deployment", TODAYS.get(0), query, false).toString());
    }

    @Test
    void a_design_effect_exactly_at_a_half_hundredth_is_rounded_as_the_case_by_case_loop_rounds_it() {
        // Accepted/answered per case 0/2, 0/4, 1/1, 1/2, 1/3, 3/4: the exact design effect is 1.475.
        SyntheticFacts world = new SyntheticFacts();
        String[] answers = {"DD", "DDDD", "A", "AD", "ADD", "AAAD"};
        for (int i = 0; i < answers.length; i++) {
            world.add("farsta", "ORDINARY", "2024-03-1" + i + "T09:00:00Z", answers[i]);
        }
        CaseStatistics stats = statistics(world, "the-deployment", TODAYS.get(0));
        StatsQuery query = new StatsQuery(null, null, null, null, null, false, StatsQuery.Grouping.NONE);
        List<ObjectNode> rows = stats.rows(query);
        assertThat(rows.get(0).get("acceptanceRate").get("designEffect").asDouble()).isIn(1.47, 1.48);
        assertThat(rows.toString()).isEqualTo(factByFact(world, "the-deployment", TODAYS.get(0), query, false).toString());
    }

    @Test
    void a_cell_summary_less_every_case_it_was_built_from_is_empty_and_adding_them_back_gives_the_same_figures() {
        SyntheticFacts city = SyntheticCity.of(3, 400);
        CellSummaries summaries = CellSummaries.of(city.facts(), new KeyedRecordKeys("a-deployment-secret"));
        LocalDate today = LocalDate.parse("2026-11-25");
        summaries.cells().values().forEach(kept -> {
            String before = SummaryFigures.of(kept.summary(), today, kept::cases).toString();
            CellSummary rebuilt = new CellSummary().add(kept.summary());
            kept.cases().forEach(c -> rebuilt.subtract(summaries.contribution(c)));
            assertThat(rebuilt.isEmpty()).isTrue();
            kept.cases().forEach(c -> rebuilt.add(summaries.contribution(c)));
            assertThat(SummaryFigures.of(rebuilt, today, kept::cases).toString()).isEqualTo(before);
        });
    }

    static StatsQuery query(Random random) {
        LocalDate from = null;
        LocalDate to = null;
        int period = random.nextInt(4);
        if (period == 1) { // whole months
            YearMonth first = YearMonth.of(2021, 1).plusMonths(random.nextInt(66));
            from = first.atDay(1);
            to = first.plusMonths(random.nextInt(18)).atEndOfMonth();
        } else if (period >= 2) { // any days, often inside one month
            from = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(2_100));
            to = from.plusDays(period == 2 ? random.nextInt(25) : random.nextInt(500));
            if (random.nextInt(5) == 0) {
                from = null;
            }
        }
        Set<String> districts = null;
        if (random.nextInt(5) < 3) {
            districts = new HashSet<>();
            districts.add(SyntheticCity.pick(random, QUERY_DISTRICTS));
            if (random.nextInt(4) == 0) {
                districts.add(SyntheticCity.pick(random, QUERY_DISTRICTS));
            }
        }
        String workModel = random.nextInt(3) == 0 ? SyntheticCity.pick(random, SyntheticCity.WORK_MODELS) : null;
        Set<String> concerns = null;
        if (random.nextInt(3) == 0) {
            List<String> kinds = new ArrayList<>(SyntheticCity.CONCERNS);
            java.util.Collections.shuffle(kinds, random);
            concerns = Set.copyOf(kinds.subList(0, 1 + random.nextInt(3)));
        }
        StatsQuery.Grouping grouping = StatsQuery.Grouping.values()[random.nextInt(4)];
        return new StatsQuery(from, to, districts, workModel, concerns, random.nextBoolean(), grouping);
    }
}
