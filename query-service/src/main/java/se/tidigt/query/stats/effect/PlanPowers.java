package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.Stats;
import se.tidigt.query.stats.StatsQuery;
import se.tidigt.rollout.api.WaveAssignment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The power of a plan from the districts' own recent data: answers per month and acceptance over the
 * last 12 complete months, read through the same protection as /stats (so the power reveals nothing
 * /stats does not), unless the request gives them. A district without data gets the city's figures.
 */
@Service
public class PlanPowers {
    static final int RECENT_MONTHS = 12;
    static final int MONTHS_BEFORE = 6;
    private static final PlanPower.Volume NO_DATA = new PlanPower.Volume(20, 0.5, "assumed: no data for the metric");

    private final CaseStatistics statistics;
    private final Clock clock;

    PlanPowers(CaseStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * The share metrics a plan's power is simulated for, with the /stats figure their volumes are read from and
     * how many months before the last complete one the 12 months read end (a re-referral needs a year after
     * closing, late support two years after the first concern: recent months would be censored).
     */
    private record Source(String figure, int lagMonths) {
    }

    private static final Map<EffectMetric, Source> SOURCES = Map.of(
            EffectMetric.ACCEPTANCE_RATE, new Source("/acceptanceRate", 0),
            EffectMetric.CONCERN_TO_ACCEPTED_INTERVENTION, new Source("/concernToAcceptedIntervention", 0),
            EffectMetric.RE_REFERRAL_12M, new Source("/reReferral", 24),
            EffectMetric.LATE_SUPPORT, new Source("/lateSupport/shareTwoYearsOrMore", 36));

    /** Whether a plan's power can be simulated for the metric (a share whose parts /stats publishes). */
    public static boolean simulates(EffectMetric metric) {
        return SOURCES.containsKey(metric);
    }

    /** The metrics {@link #simulates} accepts, as the API spells them. */
    public static String simulatedNames() {
        return java.util.Arrays.stream(EffectMetric.values()).filter(PlanPowers::simulates).map(EffectMetric::apiName)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The power on acceptance. */
    public ObjectNode power(List<WaveAssignment> schedule, int monthsPerWave, long seed, Double targetEffect,
                            Double answersPerMonth, Double acceptanceRate, int simulations) {
        return power(EffectMetric.ACCEPTANCE_RATE, schedule, monthsPerWave, seed, targetEffect, answersPerMonth, acceptanceRate,
                simulations);
    }

    /**
     * {@code answersPerMonth}, {@code acceptanceRate}: given values for every district (for another metric than
     * acceptance: its denominator per month and its rate), or null to read the data.
     */
    public ObjectNode power(EffectMetric metric, List<WaveAssignment> schedule, int monthsPerWave, long seed,
                            Double targetEffect, Double answersPerMonth, Double acceptanceRate, int simulations) {
        Source figure = SOURCES.get(metric);
        if (figure == null) {
            throw new IllegalArgumentException("The power is simulated for " + simulatedNames() + ", not " + metric.apiName());
        }
        Map<String, PlanPower.Volume> recent = recentVolumes(figure);
        Map<String, PlanPower.Volume> volumes = new TreeMap<>();
        for (WaveAssignment a : schedule) {
            PlanPower.Volume data = recent.getOrDefault(a.district(), recent.getOrDefault("", NO_DATA));
            volumes.put(a.district(), new PlanPower.Volume(answersPerMonth != null ? answersPerMonth : data.answersPerMonth(),
                    acceptanceRate != null ? acceptanceRate : data.acceptanceRate(),
                    answersPerMonth != null && acceptanceRate != null ? "given in the request"
                            : answersPerMonth != null || acceptanceRate != null ? "partly given, partly " + data.source()
                            : data.source()));
        }
        ObjectNode result = PlanPower.simulate(new PlanPower.Plan(schedule, monthsPerWave, MONTHS_BEFORE, volumes, targetEffect,
                simulations, seed));
        result.put("metric", metric.apiName());
        result.put("targetEffect", targetEffect);
        result.put("monthsBeforeFirstWave", MONTHS_BEFORE);
        result.set("districts", PlanPower.describe(volumes));
        result.put("method", "simulation with the platform's estimator (Callaway & Sant'Anna simple aggregate, not-yet-treated "
                + "comparisons): binomial answers per district and month, a common monthly shock (sd " + PlanPower.MONTHLY_SHOCK
                + "), two-sided test at 5 % with the critical value from simulations without effect; for " + metric.apiName()
                + ", answersPerMonth and acceptanceRate are its denominator per month and its rate");
        return result;
    }

    /**
     * Per today's district (and "" for the whole city): the protected denominator per month and rate of the
     * figure, over 12 months ending {@code lagMonths} before the last complete month.
     */
    private Map<String, PlanPower.Volume> recentVolumes(Source figure) {
        YearMonth last = YearMonth.now(clock.withZone(Stats.ZONE)).minusMonths(1 + figure.lagMonths());
        YearMonth first = last.minusMonths(RECENT_MONTHS - 1);
        String source = "protected counts of " + first + " to " + last;
        Map<String, PlanPower.Volume> volumes = new TreeMap<>();
        long accepted = 0;
        long answered = 0;
        for (ObjectNode row : statistics.protectedRows(new StatsQuery(first.atDay(1), last.atEndOfMonth(), null, null, null,
                false, StatsQuery.Grouping.DISTRICT))) {
            long yes = row.at(figure.figure() + "/numerator").asLong();
            long all = row.at(figure.figure() + "/denominator").asLong();
            accepted += yes;
            answered += all;
            if (all > 0) {
                volumes.put(row.at("/group/district").asText(),
                        new PlanPower.Volume((double) all / RECENT_MONTHS, (double) yes / all, source));
            }
        }
        if (answered > 0) {
            int districts = Math.max(1, volumes.size());
            volumes.put("", new PlanPower.Volume((double) answered / RECENT_MONTHS / districts, (double) accepted / answered,
                    "the city's average district (" + source + "): no data of its own"));
        }
        return volumes;
    }
}
