package se.tidigt.query.stats.effect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tidigt.query.stats.Stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One estimate of the rollout effect and everything said about it: per district what was used and
 * what was left out and why, ATT(g,t) and event-study points with intervals, both aggregates, the
 * pre-trend test and the warnings the data call for.
 */
final class EffectEstimate {
    static final int BASE_WINDOW = 3;
    /** Pre-adoption points tested jointly: at most 6, and fewer than half the districts (a cluster bootstrap
     *  over n districts cannot estimate the covariance of more points than that with any stability). */
    private static final int MAX_PRE_POINTS = 6;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Panel panel;
    private final Map<String, Exposure> exposures;
    private final EffectQuery query;
    private final Map<String, Integer> adoption = new HashMap<>();
    private final Map<String, Integer> bases = new HashMap<>();
    private final Map<String, String> excludedDistricts = new TreeMap<>();
    private final List<StaggeredAdoption.GroupTime> cells;
    private final Map<String, Double> estimates;
    private final Bootstrap bootstrap;

    EffectEstimate(Panel panel, Map<String, Exposure> exposures, YearMonth lastComplete, EffectQuery query) {
        this.panel = panel;
        this.exposures = exposures;
        this.query = query;
        int last = Panel.index(lastComplete);
        exposures.forEach((district, exposure) -> {
            if (!exposure.adopted()) {
                return;
            }
            int g = Panel.index(exposure.firstTreatedMonth());
            adoption.put(district, g);
            if (g > last) {
                return;
            }
            Integer base = panel.baseOf(district, g, BASE_WINDOW);
            if (base == null) {
                excludedDistricts.put(district, "no usable month in the " + BASE_WINDOW + " months before adoption "
                        + "(missing base period): left out of its cohort; before adopting it still serves as a comparison");
            } else {
                bases.put(district, base);
            }
        });
        StaggeredAdoption estimator = new StaggeredAdoption(panel.values(), adoption, bases);
        this.cells = estimator.groupTimeEffects();
        this.estimates = estimator.estimates();
        this.bootstrap = estimator.bootstrap(query.replicates(), query.seed());
        bases.keySet().removeIf(district -> cells.stream().noneMatch(c -> c.post() && c.group() == adoption.get(district)
                && c.base() == bases.get(district)));
        adoption.forEach((district, g) -> {
            if (g <= last && !bases.containsKey(district) && !excludedDistricts.containsKey(district)) {
                excludedDistricts.put(district, "no comparison district had data at its base and after adoption");
            }
        });
    }

    /** The districts whose adoption the estimate rests on. */
    List<String> adoptingDistricts() {
        return new ArrayList<>(adoption.keySet());
    }

    ArrayNode districts() {
        ArrayNode array = JSON.arrayNode();
        exposures.forEach((district, exposure) -> {
            ObjectNode row = array.addObject().put("district", district);
            Integer g = adoption.get(district);
            row.put("adoption", g == null ? null : Panel.label(g));
            row.put("firstAdoption", exposure.adopted() ? exposure.firstAdoption().toString() : null);
            row.put("baseMonth", bases.containsKey(district) ? Panel.label(bases.get(district)) : null);
            row.put("excluded", excludedDistricts.containsKey(district));
            row.put("exclusionReason", excludedDistricts.get(district));
            row.set("before", pooled(district, null, g));
            row.set("after", g == null ? pooled(district, Integer.MAX_VALUE, null) : pooled(district, g, null));
            ArrayNode spells = row.putArray("spells");
            exposure.spells().forEach(s -> spells.addObject().put("from", s.from().toString())
                    .put("to", s.to() == null ? null : s.to().toString()));
            ArrayNode months = row.putArray("excludedMonths");
            panel.excluded(district).forEach(m -> months.addObject().put("month", m[0]).put("reason", m[1]));
            row.put("monthsWithTooFewAnswers", panel.fewAnswers(district));
        });
        return array;
    }

    private ObjectNode pooled(String district, Integer from, Integer to) {
        double[] pooled = panel.pooled(district, from, to);
        ObjectNode node = JSON.objectNode();
        node.put("value", Double.isNaN(pooled[0]) ? null : Stats.round(pooled[0]));
        node.put("n", (long) pooled[1]);
        return node;
    }

    ArrayNode groupTime() {
        ArrayNode array = JSON.arrayNode();
        for (StaggeredAdoption.GroupTime c : cells) {
            ObjectNode cell = array.addObject().put("group", Panel.label(c.group())).put("basePeriod", Panel.label(c.base()))
                    .put("period", Panel.label(c.period())).put("eventTime", c.eventTime()).put("att", Stats.round(c.att()));
            interval(cell, bootstrap.interval("cell:" + c.key()));
            cell.put("treatedDistricts", c.treated()).put("comparisonDistricts", c.comparison());
        }
        return array;
    }

    ObjectNode aggregate() {
        ObjectNode node = JSON.objectNode();
        Double simple = estimates.get("simple");
        node.put("att", simple == null ? null : Stats.round(simple));
        interval(node, simple == null ? null : bootstrap.interval("simple"));
        node.set("simple", estimateNode("simple"));
        node.set("group", estimateNode("group"));
        node.put("bootstrapReplicates", query.replicates()).put("seed", query.seed());
        node.put("adoptedDistricts", (int) adoption.keySet().stream().count());
        node.put("treatedDistricts", bases.size());
        node.put("comparisonDistricts", (int) exposures.values().stream().filter(e -> !e.adopted()).count());
        ArrayNode excluded = node.putArray("excludedDistricts");
        excludedDistricts.forEach((d, reason) -> excluded.addObject().put("district", d).put("reason", reason));
        ObjectNode baseline = node.putObject("baseline");
        double sum = 0;
        for (Map.Entry<String, Integer> e : bases.entrySet()) {
            sum += panel.values().get(e.getKey()).get(e.getValue());
        }
        baseline.put("value", bases.isEmpty() ? null : Stats.round(sum / bases.size()));
        baseline.put("definition", "mean over the adopting districts of the metric in their base month");
        if ("share".equals(query.metric().unit()) && simple != null) {
            ObjectNode points = node.putObject("percentagePoints");
            double[] ci = bootstrap.interval("simple");
            points.put("att", Math.round(simple * 1000) / 10.0);
            points.put("low", ci == null ? null : Math.round(ci[0] * 1000) / 10.0);
            points.put("high", ci == null ? null : Math.round(ci[1] * 1000) / 10.0);
        }
        return node;
    }

    private ObjectNode estimateNode(String name) {
        ObjectNode node = JSON.objectNode();
        Double value = estimates.get(name);
        node.put("att", value == null ? null : Stats.round(value));
        interval(node, value == null ? null : bootstrap.interval(name));
        return node;
    }

    ArrayNode eventStudy() {
        ArrayNode array = JSON.arrayNode();
        StaggeredAdoption.eventStudy(cells).forEach((e, att) -> {
            ObjectNode point = array.addObject().put("monthsSinceAdoption", e).put("att", Stats.round(att));
            interval(point, bootstrap.interval("event:" + e));
            point.put("cells", cells.stream().filter(c -> c.eventTime() == e).count());
            point.put("cohorts", cohortsAt(e));
        });
        return array;
    }

    long cohortsAt(int e) {
        return cells.stream().filter(c -> c.eventTime() == e).map(c -> c.group() + "|" + c.base()).distinct().count();
    }

    /** Joint Wald test that the most recent pre-adoption event-study points (e ≤ −2) are zero. */
    ObjectNode preTrendTest() {
        List<String> names = new ArrayList<>();
        int tested = Math.max(1, Math.min(MAX_PRE_POINTS, (panel.values().size() - 1) / 2));
        new TreeSet<>(StaggeredAdoption.eventStudy(cells).keySet()).descendingSet().stream()
                .filter(e -> e <= -2).limit(tested).forEach(e -> names.add("event:" + e));
        ObjectNode node = JSON.objectNode();
        node.put("hypothesis", "the most recent pre-adoption event-study effects (months −2 and earlier, at most "
                + MAX_PRE_POINTS + " and fewer than half the districts) are all zero: parallel trends");
        node.put("method", "Wald statistic with the bootstrap covariance, referred to chi-squared");
        ArrayNode points = node.putArray("monthsSinceAdoption");
        names.forEach(n -> points.add(Integer.parseInt(n.substring("event:".length()))));
        double[] test = bootstrap.waldTest(names, estimates);
        node.put("statistic", test == null ? null : Stats.round(test[0]));
        node.put("degreesOfFreedom", test == null ? null : (int) test[1]);
        node.put("pValue", test == null ? null : Stats.round(test[2]));
        return node;
    }

    ArrayNode warnings(int threshold) {
        return new EffectWarnings(this, panel, exposures).warnings(threshold);
    }

    Map<String, Integer> adoption() {
        return adoption;
    }

    Map<String, Integer> bases() {
        return bases;
    }

    Map<String, String> excludedDistricts() {
        return excludedDistricts;
    }

    List<StaggeredAdoption.GroupTime> cells() {
        return cells;
    }

    private static void interval(ObjectNode node, double[] interval) {
        node.put("low", interval == null ? null : Stats.round(interval[0]));
        node.put("high", interval == null ? null : Stats.round(interval[1]));
    }
}
