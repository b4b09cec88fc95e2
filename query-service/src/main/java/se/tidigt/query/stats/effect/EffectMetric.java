package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.ChildHistories;
import se.tidigt.query.stats.Count;
import se.tidigt.query.stats.RecordKeys;
import se.tidigt.query.stats.Stats;
import se.tidigt.query.stats.Tally;

import java.util.List;

/**
 * What the rollout is judged on, for the cases of one district and month: a numerator and a
 * denominator of counted records (so both can be protected), or for a mean a raw sum over a counted
 * denominator; and whether a case's contribution may still change (then its month is not complete).
 */
public enum EffectMetric {
    /** Accepted ÷ answered offers (answered = accepted + declined). */
    ACCEPTANCE_RATE("acceptanceRate", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.offers(cases, o -> "ACCEPTED".equals(o.answer()));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return Count.sum(numerator(tally, cases, children), tally.offers(cases, o -> "DECLINED".equals(o.answer())));
        }

        @Override
        boolean pending(CaseFact c, ChildHistories children) {
            return c.closedAt() == null && c.offers().stream().anyMatch(o -> o.answer() == null);
        }
    },
    /**
     * Accepted interventions ÷ concerns: the share of concerns that lead to an accepted offer. Offering
     * less cannot raise it, as it can raise acceptance of the offers made.
     */
    CONCERN_TO_ACCEPTED_INTERVENTION("concernToAcceptedIntervention", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(cases.stream().filter(c -> c.offers().stream().anyMatch(o -> "ACCEPTED".equals(o.answer()))));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(cases.stream());
        }

        @Override
        boolean pending(CaseFact c, ChildHistories children) {
            return c.closedAt() == null && c.offers().stream().noneMatch(o -> "ACCEPTED".equals(o.answer()));
        }
    },
    /** Mean days from concern to the first intervention's start, over cases with an intervention. */
    LEAD_TIME_TO_INTERVENTION("leadTimeToIntervention", "days") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return null;
        }

        @Override
        double rawNumerator(List<CaseFact> cases) {
            double sum = 0;
            for (CaseFact c : cases) {
                if (c.firstInterventionStart() != null) {
                    sum += Stats.days(c.receivedAt(), c.firstInterventionStart());
                }
            }
            return sum;
        }
    },
    /** Share of first interventions that start before the child turns 10. */
    SHARE_BEFORE_AGE_10("shareBeforeAge10", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(cases.stream().filter(c -> c.firstInterventionStart() != null
                    && c.ageOn(c.firstInterventionStart()) < 10));
        }
    },
    /**
     * Closed cases whose child had a new concern within 12 months after the closure ÷ closed cases followed
     * for their full year, as /stats' {@code reReferral} (by the case's concern month). A case still open or
     * closed less than a year before today may still change its month, which is then not complete.
     */
    RE_REFERRAL_12M("reReferral12m", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(cases.stream().filter(c -> c.closedAt() != null && children.followedForAYear(c)
                    && children.referredAgainWithinAYear(c)));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(cases.stream().filter(c -> c.closedAt() != null && children.followedForAYear(c)));
        }

        @Override
        boolean pending(CaseFact c, ChildHistories children) {
            return c.closedAt() == null || !children.followedForAYear(c);
        }
    },
    /**
     * Children whose first intervention ever came two or more whole years after their first concern ever ÷
     * children helped, by the month of the first concern, as /stats' {@code lateSupport.shareTwoYearsOrMore}.
     * A child not helped yet with a case still open may still be helped, so its month is not complete.
     */
    LATE_SUPPORT("lateSupport", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(helped(cases, children).filter(c -> children.yearsToFirstIntervention(c) >= 2));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(helped(cases, children));
        }

        @Override
        boolean pending(CaseFact c, ChildHistories children) {
            return children.isChildsFirstCase(c) && children.firstIntervention(c.child()) == null
                    && children.hasOpenCase(c.child());
        }

        private static java.util.stream.Stream<CaseFact> helped(List<CaseFact> cases, ChildHistories children) {
            return cases.stream().filter(c -> children.isChildsFirstCase(c) && children.firstIntervention(c.child()) != null);
        }
    },
    /**
     * Children placed out of home (in any case) within 24 months of their first concern ever ÷ children whose
     * first concern lies 24 months or more before today, by the month of the first concern, as /stats'
     * {@code placements.placedWithin24Months}. A lower share is better. A child's first concern less than 24
     * months ago may still be followed by a placement, so its month is not complete.
     */
    PLACEMENT_WITHIN_24M("placementWithin24m", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(followed(cases, children).filter(children::placedWithin24Months));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases, ChildHistories children) {
            return tally.cases(followed(cases, children));
        }

        @Override
        boolean pending(CaseFact c, ChildHistories children) {
            return children.isChildsFirstCase(c) && !children.followedFor24Months(c);
        }

        private static java.util.stream.Stream<CaseFact> followed(List<CaseFact> cases, ChildHistories children) {
            return cases.stream().filter(c -> children.isChildsFirstCase(c) && children.followedFor24Months(c));
        }
    };

    private final String apiName;
    private final String unit;

    EffectMetric(String apiName, String unit) {
        this.apiName = apiName;
        this.unit = unit;
    }

    public String apiName() {
        return apiName;
    }

    /** "share" (effects also in percentage points) or "days". */
    public String unit() {
        return unit;
    }

    /** Every metric's name as the API spells it, comma-separated. */
    public static String apiNames() {
        return java.util.Arrays.stream(values()).map(EffectMetric::apiName).collect(java.util.stream.Collectors.joining(", "));
    }

    public static EffectMetric fromApiName(String name) {
        for (EffectMetric metric : values()) {
            if (metric.apiName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("Unknown metric " + name);
    }

    /**
     * {numerator, denominator} of the month's cases, exact: read inside the platform only. {@code children}:
     * every case of every child and today, for the metrics that follow a child beyond the month's cases.
     */
    double[] exact(List<CaseFact> cases, ChildHistories children) {
        Tally tally = new Tally(RecordKeys.NONE);
        Count numerator = numerator(tally, cases, children);
        return new double[]{numerator == null ? rawNumerator(cases) : numerator.n(), denominator(tally, cases, children).n()};
    }

    /**
     * The counted numerator, or null when the numerator is a magnitude (a sum of days). {@code children}: every
     * case of every child and today, for the metrics that follow a child beyond the month's cases.
     */
    abstract Count numerator(Tally tally, List<CaseFact> cases, ChildHistories children);

    /** Cases with an intervention, unless the metric says otherwise. */
    Count denominator(Tally tally, List<CaseFact> cases, ChildHistories children) {
        return tally.cases(cases.stream().filter(c -> c.firstInterventionStart() != null));
    }

    double rawNumerator(List<CaseFact> cases) {
        return 0;
    }

    /**
     * Whether the case may still change its month's figures (then the month is not complete); unless the metric
     * says otherwise, an open case with an accepted offer not yet started may still add an intervention.
     */
    boolean pending(CaseFact c, ChildHistories children) {
        return c.closedAt() == null && c.offers().stream().anyMatch(o -> "ACCEPTED".equals(o.answer()) && o.startedAt() == null);
    }
}
