package se.tidigt.query.stats;

import se.tidigt.cases.api.Deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one case adds to its cell's summary: a pure function of the case, its child's other cases
 * ({@link ChildHistories}, for re-referral and late support) and its record keys. Every figure of
 * docs/statistics.md is read back from the merged entries by {@link SummaryFigures}; figures that
 * depend on today keep the day they are read against (a due day, a closing day) as the value, so a
 * summary never goes stale with the date. The one definition both the cell summaries and the cases of a
 * partly covered month go through.
 */
final class CaseContribution {
    private CaseContribution() {
    }

    static CellSummary of(CaseFact c, ChildHistories children, RecordKeys keys) {
        CellSummary contribution = new CellSummary();
        addTo(contribution, c, children, keys);
        return contribution;
    }

    /** The same, added straight into a summary (building a cell needs no per-case objects). */
    static void addTo(CellSummary s, CaseFact c, ChildHistories children, RecordKeys keys) {
        long key = keys == RecordKeys.NONE ? 0 : keys.of("case:" + c.caseId());
        s.add(Metric.CONCERNS, 0, 1, key);
        flag(s, Metric.PROTECTION_ASSESSED, c.protectionAssessedAt() != null, key);
        flag(s, Metric.INITIAL_ASSESSED, c.initialAssessedAt() != null, key);
        flag(s, Metric.INVESTIGATION_OPENED, c.investigationOpenedAt() != null, key);
        flag(s, Metric.INVESTIGATION_CONCLUDED, c.investigationConcludedAt() != null, key);
        flag(s, c.closedAt() != null ? Metric.CLOSED : Metric.OPEN, true, key);
        offers(s, c, keys, key);
        flag(s, Metric.CONCLUDED_WITH_INTERVENTION, c.investigationConcludedAt() != null && c.firstInterventionStart() != null, key);
        flag(s, Metric.INITIAL_ASSESSMENT_WITHIN_14_DAYS, c.initialAssessedAt() != null
                && Stats.days(c.receivedAt(), c.initialAssessedAt()) <= 14, key);
        leadTime(s, c, c.initialAssessedAt(), Metric.DAYS_TO_INITIAL_ASSESSMENT, Metric.OPEN_BEFORE_INITIAL_ASSESSMENT, key);
        leadTime(s, c, c.firstOffer(), Metric.DAYS_TO_FIRST_OFFER, Metric.OPEN_BEFORE_FIRST_OFFER, key);
        leadTime(s, c, c.firstInterventionStart(), Metric.DAYS_TO_INTERVENTION_START, Metric.OPEN_BEFORE_INTERVENTION_START, key);
        investigation(s, c, key);
        if (c.closedAt() != null) {
            long closingDay = Stats.date(c.closedAt()).toEpochDay();
            s.add(Metric.CLOSED_ON, closingDay, 1, key);
            if (children.referredAgainWithinAYear(c)) {
                s.add(Metric.CLOSED_ON_REFERRED_AGAIN, closingDay, 1, key);
            }
        }
        s.add(Metric.AGE_AT_CONCERN, c.ageOn(c.receivedAt()), 1, key);
        if (c.firstInterventionStart() != null) {
            s.add(Metric.AGE_AT_FIRST_INTERVENTION, c.ageOn(c.firstInterventionStart()), 1, key);
        }
        lateSupport(s, c, children, key);
        placements(s, c, children, keys, key);
        if (c.workers() > 0) {
            s.add(Metric.WORKERS, c.workers(), 1, key);
        }
        // A partner counts events, each weighted by the case's key (Tally.weighted).
        c.collaborations().forEach((partner, events) -> s.add(Metric.COLLABORATIONS, partner, events, (long) events * key));
        breach(s, c.protectionAssessedAt(), Deadlines.protectionAssessmentDue(c.receivedAt()), c,
                Metric.PROTECTION_ASSESSMENT_LATE, Metric.PROTECTION_ASSESSMENT_PENDING, key);
        breach(s, c.initialAssessedAt(), Deadlines.initialAssessmentDue(c.receivedAt()), c,
                Metric.INITIAL_ASSESSMENT_LATE, Metric.INITIAL_ASSESSMENT_PENDING, key);
        if (c.investigationOpenedAt() != null) {
            breach(s, c.investigationConcludedAt(), c.investigationDue(), c, Metric.INVESTIGATION_LATE,
                    Metric.INVESTIGATION_PENDING, key);
        }
    }

    private static void flag(CellSummary s, Metric metric, boolean set, long key) {
        if (set) {
            s.add(metric, 0, 1, key);
        }
    }

    private static void offers(CellSummary s, CaseFact c, RecordKeys keys, long caseKey) {
        long answered = 0;
        long accepted = 0;
        for (CaseFact.OfferFact o : c.offers()) {
            long key = keys == RecordKeys.NONE ? 0 : keys.of("offer:" + c.caseId() + "/" + o.offerId());
            s.add(Metric.OFFERS, 0, 1, key);
            flag(s, Metric.ACCEPTED_OFFERS, "ACCEPTED".equals(o.answer()), key);
            flag(s, Metric.DECLINED_OFFERS, "DECLINED".equals(o.answer()), key);
            flag(s, Metric.STARTED_OFFERS, o.startedAt() != null, key);
            flag(s, Metric.ENDED_OFFERS, o.endedAt() != null, key);
            answered += o.answer() != null ? 1 : 0;
            accepted += "ACCEPTED".equals(o.answer()) ? 1 : 0;
        }
        flag(s, Metric.HAS_ACCEPTED, accepted > 0, caseKey);
        // The design effect's sums, integers, so the merged sums give it exactly (SummaryFigures.designEffect).
        if (answered > 0) {
            s.add(Metric.DE_CLUSTERS, 0, 1, 0);
            s.add(Metric.DE_ANSWERED, 0, answered, 0);
            s.add(Metric.DE_ACCEPTED, 0, accepted, 0);
            s.add(Metric.DE_ACCEPTED_SQUARED, 0, accepted * accepted, 0);
            s.add(Metric.DE_ACCEPTED_TIMES_ANSWERED, 0, accepted * answered, 0);
            s.add(Metric.DE_ANSWERED_SQUARED, 0, answered * answered, 0);
        }
    }

    private static void leadTime(CellSummary s, CaseFact c, Instant step, Metric days, Metric stillOpen, long key) {
        if (step != null) {
            s.add(days, Stats.days(c.receivedAt(), step), 1, key);
        } else if (c.closedAt() == null) {
            s.add(stillOpen, 0, 1, key);
        }
    }

    private static void investigation(CellSummary s, CaseFact c, long key) {
        if (c.investigationConcludedAt() != null) {
            s.add(Metric.INVESTIGATION_DAYS, Stats.days(c.investigationOpenedAt(), c.investigationConcludedAt()), 1, key);
            flag(s, Metric.INVESTIGATION_OVERDUE, Stats.date(c.investigationConcludedAt()).isAfter(c.investigationDue()), key);
        } else if (c.investigationOpenedAt() != null && c.closedAt() == null) {
            s.add(Metric.INVESTIGATION_STILL_OPEN, 0, 1, key);
        }
    }

    private static void lateSupport(CellSummary s, CaseFact c, ChildHistories children, long key) {
        if (!children.isChildsFirstCase(c)) {
            return;
        }
        s.add(Metric.FIRST_CONCERN_AGE, c.ageOn(c.receivedAt()), 1, key);
        Instant first = children.firstIntervention(c.child());
        if (first != null) {
            s.add(Metric.HELPED_AGE_AT_FIRST_INTERVENTION, c.ageOn(first), 1, key);
            s.add(Metric.HELPED_YEARS_TO_FIRST_INTERVENTION, children.yearsToFirstIntervention(c), 1, key);
        } else if (children.hasOpenCase(c.child())) {
            s.add(Metric.STILL_WAITING, 0, 1, key);
        }
    }

    /**
     * Each placement keyed by itself; its days weighted by its key as collaborations are, so the same
     * placement always carries the same key sum. A running placement keeps its first day: its days grow with today.
     */
    private static void placements(CellSummary s, CaseFact c, ChildHistories children, RecordKeys keys, long caseKey) {
        for (CaseFact.PlacementFact p : c.placements()) {
            long key = keys == RecordKeys.NONE ? 0 : keys.of(Tally.placementId(c, p));
            s.add(Metric.PLACEMENTS, 0, 1, key);
            flag(s, Metric.COMPULSORY_PLACEMENTS, p.compulsory(), key);
            if (p.endedAt() != null) {
                long days = Stats.days(p.startedAt(), p.endedAt());
                s.add(Metric.PLACEMENT_DAYS_ENDED, 0, days, days * key);
            } else {
                s.add(Metric.PLACEMENT_RUNNING_SINCE, Stats.date(p.startedAt()).toEpochDay(), 1, key);
            }
        }
        if (children.isChildsFirstCase(c)) {
            long day = Stats.date(c.receivedAt()).toEpochDay();
            s.add(Metric.FIRST_CONCERN_ON, day, 1, caseKey);
            if (children.placedWithin24Months(c)) {
                s.add(Metric.FIRST_CONCERN_ON_PLACED_WITHIN_24M, day, 1, caseKey);
            }
        }
    }

    /** Done late: a flag. Not done, case open: the due day, a breach once today is after it. */
    private static void breach(CellSummary s, Instant doneAt, LocalDate due, CaseFact c, Metric late, Metric pending, long key) {
        if (doneAt != null) {
            flag(s, late, Stats.date(doneAt).isAfter(due), key);
        } else if (c.closedAt() == null) {
            s.add(pending, due.toEpochDay(), 1, key);
        }
    }
}
