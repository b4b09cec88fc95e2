package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.query.rollout.RolloutViews;
import se.tidigt.query.stats.CaseFact;
import se.tidigt.query.stats.CaseFacts;
import se.tidigt.query.stats.ChildHistories;
import se.tidigt.query.stats.DistrictCrosswalk;
import se.tidigt.query.stats.Stats;
import se.tidigt.query.stats.StatisticsCache;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.rollout.api.RolloutTimeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rollout effect of a work model on a metric: exact monthly counts of today's districts, each
 * district's exposure from its rollout timeline and its predecessors', the staggered-adoption
 * estimator with randomisation inference, and the output rules on what is published.
 */
@Service
public class RolloutEffects {
    static final String METHOD = "Callaway & Sant'Anna (2021) group-time average treatment effects on exact records: each "
            + "cohort (districts first in force for a whole month g) against districts not yet treated and never treated, "
            + "in quarters (half-years or years where a cohort's quarters are small), each district's change measured "
            + "from its mean over the " + StaggeredAdoption.BASE_MONTHS + " months before g − anticipation; the simple "
            + "aggregate weights every treated district-month alike; 95 % interval by randomisation inference over the "
            + "order of adoption (test inversion); detail intervals by the wild cluster bootstrap with Webb weights.";
    static final String CAVEAT = "With about a dozen districts, this is evidence, not proof: read it with the pre-trend test, "
            + "the sensitivity bounds and the effect per cohort and district.";

    private final CaseFacts facts;
    private final RolloutViews rollout;
    private final DistrictCrosswalk crosswalk;
    private final Clock clock;
    private final StatisticsCache cache;
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

    RolloutEffects(CaseFacts facts, RolloutViews rollout, DistrictCrosswalk crosswalk, Clock clock, StatisticsCache cache) {
        this.facts = facts;
        this.rollout = rollout;
        this.crosswalk = crosswalk;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * The effect from exact records as of {@code state} or later (the state the gateway keys the answer's
     * bytes by; null: now), published under the output rules: the same for every reader allowed to ask.
     * Computed on every call, so the gateway keeps what it sends once per position of the facts and
     * version of the rollout tables (docs/statistics.md, "Reading").
     */
    public ObjectNode estimate(EffectQuery query, StatisticsPosition.State state) {
        return json.valueToTree(answer(query, lastComplete(), cache.facts(facts, state)));
    }

    /** The estimate computed afresh from every case fact, bypassing the cache: the reference of the comparison test. */
    public ObjectNode reference(EffectQuery query) {
        return json.valueToTree(answer(query, lastComplete(), facts.all()));
    }

    private YearMonth lastComplete() {
        return YearMonth.now(clock.withZone(Stats.ZONE)).minusMonths(1);
    }

    EffectAnswer answer(EffectQuery query, YearMonth lastComplete, List<CaseFact> all) {
        Map<String, Exposure> exposures = new TreeMap<>();
        for (String district : crosswalk.today()) {
            List<RolloutTimeline> timelines = new ArrayList<>();
            timelines.add(rollout.timelineOf(district));
            crosswalk.all().stream().filter(code -> !code.equals(district) && crosswalk.todayOf(code).equals(district))
                    .forEach(code -> timelines.add(rollout.timelineOf(code)));
            exposures.put(district, Exposure.of(timelines, query.workModel()));
        }
        List<CaseFact> cases = all.stream().filter(c -> selects(query, c)).toList();
        YearMonth last = query.to() == null || YearMonth.from(query.to()).isAfter(lastComplete) ? lastComplete
                : YearMonth.from(query.to());
        Panel panel = Panel.build(cases, query.metric(), exposures, crosswalk::todayOf,
                query.from() == null ? null : YearMonth.from(query.from()), last,
                new ChildHistories(all, LocalDate.now(clock.withZone(Stats.ZONE))));
        EffectEstimate estimate = new EffectEstimate(panel, exposures, query, rollout::plan);
        return estimate.answer(METHOD, last, List.of(), CAVEAT, List.of());
    }

    private static boolean selects(EffectQuery q, CaseFact c) {
        YearMonth month = c.concernMonth();
        return (q.from() == null || !month.isBefore(YearMonth.from(q.from())))
                && (q.to() == null || !month.isAfter(YearMonth.from(q.to())))
                && (q.concerns() == null || c.concerns().stream().anyMatch(q.concerns()::contains));
    }
}
