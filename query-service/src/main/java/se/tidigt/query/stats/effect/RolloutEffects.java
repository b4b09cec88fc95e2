package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.CaseFacts;
import se.tidigt.query.stats.DistrictCrosswalk;
import se.tidigt.query.stats.Stats;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.rollout.api.RolloutTimeline;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rollout effect of a work model on a metric: a monthly panel of today's districts (protected
 * counts), each district's exposure from its rollout timeline and its predecessors', and the
 * staggered-adoption estimator with its bootstrap, pre-trend test and randomisation inference.
 */
@Service
public class RolloutEffects {
    static final String METHOD = "Callaway & Sant'Anna (2021) group-time average treatment effects ATT(g,t) against "
            + "districts not yet treated; g is the first month in force from its first day, the base period the last usable "
            + "month before it (at most " + EffectEstimate.BASE_WINDOW + " months back); simple and group (theta_sel) aggregates; "
            + "95 % intervals by a cluster (district) bootstrap; joint Wald pre-trend test; randomisation inference when a "
            + "seeded stepped-wedge plan drew the order.";
    static final String CAVEAT = "With about a dozen districts, this is evidence, not proof: read it with the before/after "
            + "figures, the pre-trend test and, where the platform drew the order, the randomisation-inference p-value.";

    private final CaseFacts facts;
    private final RolloutViews rollout;
    private final DistrictCrosswalk crosswalk;
    private final CellKeyMethod cellKey;
    private final Clock clock;
    private final StatisticsCache cache;

    RolloutEffects(CaseFacts facts, RolloutViews rollout, DistrictCrosswalk crosswalk, CellKeyMethod cellKey, Clock clock,
                   StatisticsCache cache) {
        this.facts = facts;
        this.rollout = rollout;
        this.crosswalk = crosswalk;
        this.cellKey = cellKey;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * {@code protect}: counts perturbed by the cell-key method (every reader of this endpoint today). From
     * facts as of {@code state} or later (the state the gateway keys the answer's bytes by; null: now). The
     * bootstrap makes this the most expensive answer; computed on every call, so the gateway keeps what it
     * sends once per position of the facts and version of the rollout tables (docs/statistics.md, "Reading").
     */
    public ObjectNode estimate(EffectQuery query, boolean protect, StatisticsPosition.State state) {
        return estimate(query, protect, lastComplete(), cache.facts(facts, state));
    }

    /** The estimate computed afresh from every case fact, bypassing the cache: the reference of the comparison test. */
    public ObjectNode reference(EffectQuery query, boolean protect) {
        return estimate(query, protect, lastComplete(), facts.all());
    }

    private YearMonth lastComplete() {
        return YearMonth.now(clock.withZone(Stats.ZONE)).minusMonths(1);
    }

    private ObjectNode estimate(EffectQuery query, boolean protect, YearMonth lastComplete, List<CaseFact> all) {
        Map<String, Exposure> exposures = new TreeMap<>();
        for (String district : crosswalk.today()) {
            List<RolloutTimeline> timelines = new ArrayList<>();
            timelines.add(rollout.timelineOf(district));
            crosswalk.all().stream().filter(code -> !code.equals(district) && crosswalk.todayOf(code).equals(district))
                    .forEach(code -> timelines.add(rollout.timelineOf(code)));
            exposures.put(district, Exposure.of(timelines, query.workModel()));
        }
        List<CaseFact> cases = all.stream().filter(c -> selects(query, c)).toList();
        Panel panel = Panel.build(cases, query.metric(), exposures, crosswalk::todayOf, protect ? cellKey : null, lastComplete);
        EffectEstimate estimate = new EffectEstimate(panel, exposures, lastComplete, query);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("workModel", query.workModel()).put("metric", query.metric().apiName()).put("method", METHOD)
                .put("period", "month").put("lastCompleteMonth", lastComplete.toString());
        answer.set("districts", estimate.districts());
        answer.set("groupTime", estimate.groupTime());
        answer.set("aggregate", estimate.aggregate());
        answer.set("eventStudy", estimate.eventStudy());
        answer.set("preTrendTest", estimate.preTrendTest());
        answer.set("randomisationInference", new PlanRandomisation(rollout::plan, panel, exposures, lastComplete)
                .test(query, estimate.adoptingDistricts()));
        ArrayNode warnings = estimate.warnings(protect ? cellKey.threshold() : 1);
        answer.set("warnings", warnings);
        answer.put("caveat", CAVEAT);
        if (protect) {
            answer.set("protection", cellKey.describe("district (as it was) × month of the concern × work model, summed per "
                    + "today's district and month; a district-month with fewer protected answers than the threshold is left out",
                    query.from(), query.to(), true));
        }
        return answer;
    }

    private static boolean selects(EffectQuery q, CaseFact c) {
        YearMonth month = c.concernMonth();
        return (q.from() == null || !month.isBefore(YearMonth.from(q.from())))
                && (q.to() == null || !month.isAfter(YearMonth.from(q.to())))
                && (q.concerns() == null || c.concerns().stream().anyMatch(q.concerns()::contains));
    }
}
