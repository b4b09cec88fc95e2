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
import se.tidigt.rollout.api.RolloutTimeline;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rollout effect of a work model on a metric: a monthly panel of today's districts, each
 * district's adoption month from its rollout timeline, and the staggered-adoption estimator.
 */
@Service
public class RolloutEffects {
    static final String METHOD = "Callaway & Sant'Anna (2021) group-time average treatment effects ATT(g,t) against "
            + "districts not yet treated, base period g-1; aggregated over post-adoption cells weighted by the number of "
            + "adopting districts; 95 % interval by a cluster (district) bootstrap.";
    static final String CAVEAT = "With about a dozen districts that did not adopt in a random order, this is evidence, "
            + "not proof: read it with the before/after figures and the event study's pre-adoption effects.";
    private static final int MIN_TREATED = 4;
    private static final int MIN_COMPARISON = 2;

    private final CaseFacts facts;
    private final RolloutViews rollout;
    private final DistrictCrosswalk crosswalk;
    private final Clock clock;

    RolloutEffects(CaseFacts facts, RolloutViews rollout, DistrictCrosswalk crosswalk, Clock clock) {
        this.facts = facts;
        this.rollout = rollout;
        this.crosswalk = crosswalk;
        this.clock = clock;
    }

    public ObjectNode estimate(String workModel, EffectMetric metric, long seed, int replicates) {
        YearMonth now = YearMonth.now(clock.withZone(Stats.ZONE));
        Map<String, RolloutTimeline> timelines = new TreeMap<>();
        crosswalk.today().forEach(d -> timelines.put(d, rollout.timelineOf(d)));
        Map<String, Adoption> adoptions = new TreeMap<>();
        timelines.forEach((d, timeline) -> adoptions.put(d, Adoption.of(timeline, workModel, now)));
        Panel panel = Panel.build(facts.all(), metric, crosswalk, adoptions,
                (district, month) -> Adoption.treated(timelines.get(district), workModel, month));
        StaggeredAdoption estimator = new StaggeredAdoption(panel.values(), panel.adoptionIndex());
        List<StaggeredAdoption.GroupTime> cells = estimator.groupTimeEffects();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("workModel", workModel).put("metric", metric.apiName()).put("method", METHOD).put("period", "month");
        answer.set("districts", panel.beforeAfter());
        answer.set("groupTime", groupTime(cells));
        answer.set("aggregate", aggregate(estimator, cells, panel, seed, replicates));
        answer.set("eventStudy", eventStudy(cells));
        answer.set("warnings", warnings(panel, cells));
        answer.put("caveat", CAVEAT);
        return answer;
    }

    private static ArrayNode groupTime(List<StaggeredAdoption.GroupTime> cells) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        cells.forEach(c -> array.addObject().put("group", Panel.label(c.group())).put("period", Panel.label(c.period()))
                .put("att", Stats.round(c.att())).put("treatedDistricts", c.treated()).put("comparisonDistricts", c.comparison()));
        return array;
    }

    private static ObjectNode aggregate(StaggeredAdoption estimator, List<StaggeredAdoption.GroupTime> cells, Panel panel,
                                        long seed, int replicates) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Double att = StaggeredAdoption.aggregate(cells);
        double[] interval = att == null ? null : estimator.bootstrapInterval(replicates, seed);
        node.put("att", att == null ? null : Stats.round(att));
        node.put("low", interval == null ? null : Stats.round(interval[0]));
        node.put("high", interval == null ? null : Stats.round(interval[1]));
        node.put("bootstrapReplicates", replicates).put("seed", seed);
        node.put("treatedDistricts", panel.treatedCount()).put("comparisonDistricts", panel.neverTreatedCount());
        return node;
    }

    private static ArrayNode eventStudy(List<StaggeredAdoption.GroupTime> cells) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        StaggeredAdoption.eventStudy(cells).forEach((e, att) -> array.addObject().put("monthsSinceAdoption", e)
                .put("att", Stats.round(att)).put("cells", cells.stream().filter(c -> c.eventTime() == e).count()));
        return array;
    }

    private static ArrayNode warnings(Panel panel, List<StaggeredAdoption.GroupTime> cells) {
        ArrayNode warnings = JsonNodeFactory.instance.arrayNode();
        if (panel.treatedCount() < MIN_TREATED) {
            warnings.add("Only " + panel.treatedCount() + " district(s) adopted the model; at least " + MIN_TREATED
                    + " are needed for a stable estimate.");
        }
        if (panel.neverTreatedCount() + panel.treatedCount() - 1 < MIN_COMPARISON) {
            warnings.add("Fewer than " + MIN_COMPARISON + " districts are available for comparison.");
        }
        if (cells.isEmpty()) {
            warnings.add("No group-time effect could be estimated: adopting and comparison districts need data in the "
                    + "month before adoption and after it.");
        }
        return warnings;
    }

    /** When a district's current spell of the model began. */
    record Adoption(YearMonth month, boolean ended) {
        static Adoption of(RolloutTimeline timeline, String workModel, YearMonth now) {
            boolean inForce = treated(timeline, workModel, now);
            boolean ever = false;
            YearMonth start = null;
            YearMonth first = timeline.entries().stream().map(e -> YearMonth.from(e.effectiveFrom()))
                    .min(YearMonth::compareTo).orElse(now);
            for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
                boolean treated = treated(timeline, workModel, m);
                ever |= treated;
                if (treated && !treated(timeline, workModel, m.minusMonths(1))) {
                    start = m;
                }
            }
            return new Adoption(inForce ? start : null, ever && !inForce);
        }

        static boolean treated(RolloutTimeline timeline, String workModel, YearMonth month) {
            return timeline.modelInForceOn(month.atDay(1)).filter(workModel::equals).isPresent();
        }
    }

}
