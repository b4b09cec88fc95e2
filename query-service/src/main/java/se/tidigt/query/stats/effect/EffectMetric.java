package se.tidigt.query.stats.effect;

import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.Stats;


/** What the rollout is judged on, as a numerator and denominator per case, summed per district and month. */
public enum EffectMetric {
    /** Accepted ÷ answered offers. */
    ACCEPTANCE_RATE("acceptanceRate") {
        @Override
        double[] of(CaseFact c) {
            long accepted = c.offers().stream().filter(o -> "ACCEPTED".equals(o.answer())).count();
            long answered = c.offers().stream().filter(o -> o.answer() != null).count();
            return new double[]{accepted, answered};
        }
    },
    /** Mean days from concern to the first intervention's start, over cases with an intervention. */
    LEAD_TIME_TO_INTERVENTION("leadTimeToIntervention") {
        @Override
        double[] of(CaseFact c) {
            return c.firstInterventionStart() == null ? new double[]{0, 0}
                    : new double[]{Stats.days(c.receivedAt(), c.firstInterventionStart()), 1};
        }
    },
    /** Share of first interventions that start before the child turns 10. */
    SHARE_BEFORE_AGE_10("shareBeforeAge10") {
        @Override
        double[] of(CaseFact c) {
            if (c.firstInterventionStart() == null) {
                return new double[]{0, 0};
            }
            return new double[]{c.ageOn(c.firstInterventionStart()) < 10 ? 1 : 0, 1};
        }
    };

    private final String apiName;

    EffectMetric(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static EffectMetric fromApiName(String name) {
        for (EffectMetric metric : values()) {
            if (metric.apiName.equals(name)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("Unknown metric " + name);
    }

    /** {numerator, denominator} of one case. */
    abstract double[] of(CaseFact c);
}
