package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.CaseFact;
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
        Count numerator(Tally tally, List<CaseFact> cases) {
            return tally.offers(cases, o -> "ACCEPTED".equals(o.answer()));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases) {
            return Count.sum(numerator(tally, cases), tally.offers(cases, o -> "DECLINED".equals(o.answer())));
        }

        @Override
        boolean pending(CaseFact c) {
            return c.closedAt() == null && c.offers().stream().anyMatch(o -> o.answer() == null);
        }
    },
    /**
     * Accepted interventions ÷ concerns: the share of concerns that lead to an accepted offer. Offering
     * less cannot raise it, as it can raise acceptance of the offers made.
     */
    CONCERN_TO_ACCEPTED_INTERVENTION("concernToAcceptedIntervention", "share") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases) {
            return tally.cases(cases.stream().filter(c -> c.offers().stream().anyMatch(o -> "ACCEPTED".equals(o.answer()))));
        }

        @Override
        Count denominator(Tally tally, List<CaseFact> cases) {
            return tally.cases(cases.stream());
        }

        @Override
        boolean pending(CaseFact c) {
            return c.closedAt() == null && c.offers().stream().noneMatch(o -> "ACCEPTED".equals(o.answer()));
        }
    },
    /** Mean days from concern to the first intervention's start, over cases with an intervention. */
    LEAD_TIME_TO_INTERVENTION("leadTimeToIntervention", "days") {
        @Override
        Count numerator(Tally tally, List<CaseFact> cases) {
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
        Count numerator(Tally tally, List<CaseFact> cases) {
            return tally.cases(cases.stream().filter(c -> c.firstInterventionStart() != null
                    && c.ageOn(c.firstInterventionStart()) < 10));
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

    /** {numerator, denominator} of the month's cases, exact: read inside the platform only. */
    double[] exact(List<CaseFact> cases) {
        Tally tally = new Tally(RecordKeys.NONE);
        Count numerator = numerator(tally, cases);
        return new double[]{numerator == null ? rawNumerator(cases) : numerator.n(), denominator(tally, cases).n()};
    }

    /** The counted numerator, or null when the numerator is a magnitude (a sum of days). */
    abstract Count numerator(Tally tally, List<CaseFact> cases);

    /** Cases with an intervention, unless the metric says otherwise. */
    Count denominator(Tally tally, List<CaseFact> cases) {
        return tally.cases(cases.stream().filter(c -> c.firstInterventionStart() != null));
    }

    double rawNumerator(List<CaseFact> cases) {
        return 0;
    }

    /** An open case with an accepted offer not yet started may still add an intervention. */
    boolean pending(CaseFact c) {
        return c.closedAt() == null && c.offers().stream().anyMatch(o -> "ACCEPTED".equals(o.answer()) && o.startedAt() == null);
    }
}
