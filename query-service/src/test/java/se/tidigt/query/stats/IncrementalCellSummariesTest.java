package se.tidigt.query.stats;

import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cell summaries brought forward by the children whose cases changed ({@link CellSummaries#forward}) answer
 * every query exactly as the fact-by-fact reference over the new facts, and the summaries they were brought
 * forward from still answer as the facts they were built from (readers at the older position keep theirs).
 */
class IncrementalCellSummariesTest {
    private static final List<LocalDate> TODAYS = List.of(LocalDate.parse("2026-11-25"), LocalDate.parse("2025-03-10"));

    /** How a case looked at an earlier position, if it existed then. */
    private enum Earlier { AS_NOW, ABSENT, FEWER_STEPS, OTHER_CHILD }

    @Test
    void summaries_brought_forward_through_several_positions_answer_as_the_facts_of_the_last() {
        int compared = 0;
        for (long seed = 1; seed <= 3; seed++) {
            List<CaseFact> now = SyntheticCity.of(seed, 700).facts();
            Random random = new Random(seed * 104_729);
            // Each case settles at step 0, 1 or 2 and looked different (or was not there) before that step.
            Map<String, Integer> settlesAt = new java.util.HashMap<>();
            Map<String, Earlier> how = new java.util.HashMap<>();
            for (CaseFact c : now) {
                int step = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
                settlesAt.put(c.caseId(), step);
                how.put(c.caseId(), step == 0 ? Earlier.AS_NOW : Earlier.values()[1 + random.nextInt(3)]);
            }
            CellKeyMethod cellKey = new CellKeyMethod(new KeyedRecordKeys("deployment-secret-" + seed), new PerturbationTable(5, 2));
            SummaryStatistics served = new SummaryStatistics(SyntheticFacts.STOCKHOLM, cellKey);
            FactByFactStatistics reference = new FactByFactStatistics(SyntheticFacts.STOCKHOLM, cellKey);

            List<CaseFact> first = at(0, now, settlesAt, how);
            CellSummaries summaries = CellSummaries.of(first, cellKey.keys());
            List<CaseFact> previous = first;
            for (int step = 1; step <= 2; step++) {
                List<CaseFact> facts = at(step, now, settlesAt, how);
                CellSummaries forward = summaries.forward(facts, changedChildren(previous, facts));
                for (int q = 0; q < 60; q++) {
                    LocalDate today = TODAYS.get(random.nextInt(TODAYS.size()));
                    boolean protect = random.nextBoolean();
                    StatsQuery query = protect ? CellSummariesTest.query(random).wholeMonths() : CellSummariesTest.query(random);
                    assertThat(served.build(forward, List.of(), query, protect, today).toString())
                            .as("seed %d, step %d, %s %s", seed, step, protect ? "protected" : "exact", query)
                            .isEqualTo(reference.build(facts, List.of(), query, protect, today).toString());
                    assertThat(served.build(summaries, List.of(), query, protect, today).toString())
                            .as("the summaries brought forward from, still at their own position")
                            .isEqualTo(reference.build(previous, List.of(), query, protect, today).toString());
                    compared++;
                }
                summaries = forward;
                previous = facts;
            }
        }
        assertThat(compared).isEqualTo(3 * 2 * 60);
    }

    @Test
    void summaries_brought_forward_hold_the_same_cells_as_summaries_built_whole() {
        List<CaseFact> now = SyntheticCity.of(9, 500).facts();
        Random random = new Random(9);
        Map<String, Integer> settlesAt = new java.util.HashMap<>();
        Map<String, Earlier> how = new java.util.HashMap<>();
        now.forEach(c -> {
            settlesAt.put(c.caseId(), random.nextInt(3) == 0 ? 1 : 0);
            how.put(c.caseId(), Earlier.values()[random.nextInt(4)]);
        });
        List<CaseFact> before = at(0, now, settlesAt, how);
        List<CaseFact> after = at(1, now, settlesAt, how);
        KeyedRecordKeys keys = new KeyedRecordKeys("a-deployment-secret");
        CellSummaries forward = CellSummaries.of(before, keys).forward(after, changedChildren(before, after));
        CellSummaries whole = CellSummaries.of(after, keys);
        assertThat(forward.cells().keySet()).isEqualTo(whole.cells().keySet());
        assertThat(forward.anyConcern().keySet()).isEqualTo(whole.anyConcern().keySet());
        LocalDate today = LocalDate.parse("2026-11-25");
        whole.cells().forEach((cell, kept) -> assertThat(SummaryFigures.of(forward.cells().get(cell).summary(), today,
                        () -> forward.cells().get(cell).cases()).toString())
                .as("%s", cell).isEqualTo(SummaryFigures.of(kept.summary(), today, kept::cases).toString()));
    }

    /** The facts as they stood at a step: in the facts' order, each case as it was then, or missing. */
    private static List<CaseFact> at(int step, List<CaseFact> now, Map<String, Integer> settlesAt, Map<String, Earlier> how) {
        List<CaseFact> facts = new ArrayList<>();
        for (CaseFact c : now) {
            if (settlesAt.get(c.caseId()) <= step) {
                facts.add(c);
                continue;
            }
            switch (how.get(c.caseId())) {
                case AS_NOW -> facts.add(c);
                case ABSENT -> { }
                case FEWER_STEPS -> facts.add(new CaseFact(c.caseId(), c.district(), c.district(), c.workModel(), c.concerns(),
                        c.child(), c.birthMonth(), c.receivedAt(), c.protectionAssessedAt(), c.initialAssessedAt(),
                        c.initialDecision(), c.investigationOpenedAt(), c.investigationDue(), null, null, null, 0,
                        c.offers().isEmpty() ? List.of() : List.of(new CaseFact.OfferFact(c.offers().get(0).offerId(),
                                c.offers().get(0).offeredAt(), null, null, null, null)), Map.of()));
                // Before an erasure: the case belonged to another pseudonym.
                case OTHER_CHILD -> facts.add(new CaseFact(c.caseId(), c.district(), c.currentDistrict(), c.workModel(),
                        c.concerns(), "before-erasure:" + c.child(), c.birthMonth(), c.receivedAt(), c.protectionAssessedAt(),
                        c.initialAssessedAt(), c.initialDecision(), c.investigationOpenedAt(), c.investigationDue(),
                        c.investigationConcludedAt(), c.investigationOutcome(), c.closedAt(), c.workers(), c.offers(),
                        c.collaborations()));
            }
        }
        return facts;
    }

    /** What the facts snapshot names in its delta: the children, before and after, of every case that changed. */
    private static Set<String> changedChildren(List<CaseFact> before, List<CaseFact> after) {
        Map<String, CaseFact> was = new java.util.HashMap<>();
        before.forEach(c -> was.put(c.caseId(), c));
        Set<String> children = new HashSet<>();
        for (CaseFact c : after) {
            CaseFact old = was.remove(c.caseId());
            if (!c.equals(old)) {
                children.add(c.child());
                if (old != null) {
                    children.add(old.child());
                }
            }
        }
        was.values().forEach(gone -> children.add(gone.child()));
        return children;
    }
}
