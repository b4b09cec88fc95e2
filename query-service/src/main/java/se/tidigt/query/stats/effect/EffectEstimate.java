package se.tidigt.query.stats.effect;

import org.apache.commons.math3.distribution.TDistribution;
import se.tidigt.query.rollout.RolloutPlanView;
import se.tidigt.rollout.api.RolloutDesign;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import se.tidigt.query.stats.effect.EffectAnswer.*;
import se.tidigt.query.stats.effect.StaggeredAdoption.Cell;
import se.tidigt.query.stats.effect.StaggeredAdoption.Kind;

/**
 * One estimate of the rollout effect and everything said about it, on exact records, published under
 * the output rules: the aggregate with its randomisation-inference interval, cells, cohorts, districts
 * and event times with wild-bootstrap intervals, the pre-trend and anticipation tests, the
 * relative-magnitude sensitivity, the later spells and the warnings the data call for.
 */
final class EffectEstimate {
    static final double[] M_BAR = {0.5, 1, 2};
    static final String BOOTSTRAP_HEADLINE = "95 % wild cluster bootstrap with Student's t: the randomisation test cannot "
            + "bound it";
    private static final int MIN_TREATED = 4;

    private final Panel panel;
    private final Map<String, Exposure> exposures;
    private final EffectQuery query;
    private final boolean share;
    private final Map<String, Integer> adoption = new TreeMap<>();
    private final RandomisationInference inference;
    private final StaggeredAdoption.Result result;
    private final WildBootstrap bootstrap;
    private final DetailIntervals details;
    private final Randomisation randomisation;

    EffectEstimate(Panel panel, Map<String, Exposure> exposures, EffectQuery query,
                   Function<String, Optional<RolloutPlanView>> plans) {
        this.panel = panel;
        this.exposures = exposures;
        this.query = query;
        this.share = "share".equals(query.metric().unit());
        exposures.forEach((district, exposure) -> {
            if (exposure.adopted()) {
                adoption.put(district, Panel.index(exposure.firstTreatedMonth()));
            }
        });
        StaggeredAdoption estimator = new StaggeredAdoption(panel, query.anticipation());
        Optional<RolloutPlanView> plan = planOf(plans);
        Supplier<Map<String, Integer>> draws = plan.isPresent()
                ? AdoptionOrders.plan(plan.get(), adoption, query.seed())
                : AdoptionOrders.permutation(panel.units(), adoption, query.seed());
        this.inference = new RandomisationInference(estimator, adoption, draws, query.replicates());
        this.result = inference.observed();
        this.bootstrap = new WildBootstrap(query.replicates(), query.seed());
        this.details = new DetailIntervals(result, bootstrap);
        Double p = inference.pValue(0);
        this.randomisation = new Randomisation(inference.usableDraws() > 0,
                plan.isPresent() ? "the plan's own seeded draw, repeated with new seeds; districts outside the plan keep their adoption"
                        : "the observed adoption months permuted among the districts (as if the order had been random)",
                plan.map(RolloutPlanView::planId).orElse(null), plan.map(RolloutPlanView::seed).orElse(null),
                inference.usableDraws(), query.seed(), p == null ? null : round4(p),
                inference.usableDraws() > 0 ? null : "no effect could be estimated under the re-drawn orders");
    }

    /** The plan, when the adoptions that are part of a plan all come from one seeded stepped-wedge plan. */
    private Optional<RolloutPlanView> planOf(Function<String, Optional<RolloutPlanView>> plans) {
        Set<String> ids = adoption.keySet().stream().map(d -> exposures.get(d).planId()).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (ids.size() != 1) {
            return Optional.empty();
        }
        return plans.apply(ids.iterator().next()).filter(p -> p.design() == RolloutDesign.STEPPED_WEDGE);
    }

    EffectAnswer answer(String method, YearMonth lastComplete, List<String> ignored, String caveat, List<String> extraWarnings) {
        List<String> warnings = new ArrayList<>(extraWarnings);
        Aggregate aggregate = aggregate(warnings);
        List<Sensitivity> sensitivity = sensitivity(aggregate);
        PreTrendTest pre = preTrend();
        AnticipationCheck anticipation = anticipation(warnings);
        warnings(warnings, pre);
        List<SpellEffect> spells = new Spells(panel, exposures, query.metric()).effects();
        return new EffectAnswer(query.workModel(), query.metric().apiName(), query.metric().unit(), method,
                "adaptive window per cohort: quarters, or half-years or years where a cohort's quarters hold fewer than "
                        + StaggeredAdoption.MIN_ANSWERS + " answers", lastComplete.toString(), query.anticipation(),
                new Filters(query.from() == null ? null : YearMonth.from(query.from()).toString(),
                        query.to() == null ? null : YearMonth.from(query.to()).toString(),
                        query.concerns() == null ? null : List.copyOf(new java.util.TreeSet<>(query.concerns())), ignored),
                districts(), groupTime(), aggregate, cohorts(), eventStudy(), pre, anticipation, sensitivity, spells,
                randomisation, warnings, caveat, outputRules());
    }

    static OutputRules outputRules() {
        return new OutputRules("output rules for analytical results: estimated on exact records inside the platform; a cell "
                + "is used and published only when it rests on enough answers and comparison districts",
                StaggeredAdoption.MIN_ANSWERS, StaggeredAdoption.MIN_COMPARISON,
                "estimates to whole percentage points (whole days); interval bounds outwards",
                "Eurostat/ESSnet, Guidelines for the statistical disclosure control of research outputs (Bond, Brandt & de Wolf, "
                        + "2015), rules for model output; Griffiths et al. (2019), Handbook on Statistical Disclosure Control for Outputs");
    }

    private Aggregate aggregate(List<String> warnings) {
        List<Cell> post = result.used(Kind.POST);
        List<Cell> withheld = result.cells().stream().filter(c -> c.kind() == Kind.POST && !c.used()).toList();
        Set<String> treated = post.stream().flatMap(c -> cohortOf(c).stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
        List<Excluded> excluded = new ArrayList<>();
        adoption.forEach((d, g) -> {
            if (g <= panel.last() && !treated.contains(d)) {
                String reason = result.cells().stream().filter(c -> c.kind() == Kind.POST && c.group() == g && !c.used())
                        .map(Cell::withheld).findFirst().orElse("no complete window after adoption with answers both in it and in the base before adoption (missing base period or no data since)");
                excluded.add(new Excluded(d, reason));
                warnings.add(d + " is left out of the estimate: " + reason + ".");
            }
        });
        int comparison = (int) panel.units().stream().filter(d -> post.stream().anyMatch(c -> c.residuals().containsKey(d))
                && !treated.contains(d)).count();
        double[] estimate = result.aggregate();
        int n = post.stream().mapToInt(c -> c.treated() * c.months()).sum();
        int adopted = (int) adoption.values().stream().filter(g -> g <= panel.last()).count();
        if (estimate == null) {
            String reason = "withheld: no cohort × window rests on " + StaggeredAdoption.MIN_ANSWERS + " answers with "
                    + StaggeredAdoption.MIN_COMPARISON + " comparison districts";
            warnings.add("No effect is published: " + reason.substring("withheld: ".length()) + ".");
            return new Aggregate(null, null, null, null, null, 0, adopted, 0, comparison, 0, withheld.size(), excluded, null,
                    reason);
        }
        double[] interval = headlineInterval();
        String method = "95 % by inverting the randomisation test of a constant effect";
        if (interval == null) {
            warnings.add("The effect's 95 % interval is not published: neither the randomisation test over the adoption "
                    + "orders nor the wild bootstrap can bound it with " + treated.size()
                    + " treated district(s); read it as no evidence either way.");
        } else if (inference.interval() == null) {
            method = BOOTSTRAP_HEADLINE;
            warnings.add("The randomisation test over the adoption orders cannot bound the effect with " + treated.size()
                    + " treated district(s) (the draws leave it in place): its 95 % interval is the wild bootstrap's, the "
                    + "treated district's own noise taken from the comparisons'.");
        }
        Double att = point(estimate[0]);
        Double low = interval == null ? null : lower(interval[0]);
        Double high = interval == null ? null : upper(interval[1]);
        Points points = share ? new Points(att == null ? null : Math.round(att * 100) * 1.0,
                low == null ? null : Math.round(low * 100) * 1.0, high == null ? null : Math.round(high * 100) * 1.0) : null;
        Double p = inference.pValue(0);
        return new Aggregate(att, low, high, method, points, n,
                adopted, treated.size(), comparison, post.size(), withheld.size(), excluded, p == null ? null : round4(p), null);
    }

    /**
     * The aggregate's 95 % interval: by randomisation inference, or where its draws cannot bound it (one treated
     * district whose adoption no draw moves) the wild bootstrap's with Student's t, as for the detail; null: neither.
     */
    private double[] headlineInterval() {
        double[] interval = inference.interval();
        if (interval != null) {
            return interval;
        }
        double[] estimate = result.aggregate();
        List<Cell> post = result.used(Kind.POST);
        return estimate == null ? null : bootstrap.interval(estimate[0], StaggeredAdoption.Result.residuals(post),
                DetailIntervals.degreesOfFreedom(post));
    }

    private List<String> cohortOf(Cell cell) {
        return result.cohorts().stream().filter(c -> c.group() == cell.group()).findFirst().map(StaggeredAdoption.Cohort::districts)
                .orElse(List.of()).stream().filter(d -> cell.residuals().containsKey(d)).toList();
    }

    /** Rambachan &amp; Roth's relative magnitudes ({@link RelativeMagnitudes}): the interval for M̄ = 0.5, 1 and 2. */
    private List<Sensitivity> sensitivity(Aggregate aggregate) {
        List<Sensitivity> rows = new ArrayList<>();
        RelativeMagnitudes magnitudes = RelativeMagnitudes.of(result.used(Kind.PRE), result.used(Kind.POST));
        double[] interval = headlineInterval();
        for (double mBar : M_BAR) {
            if (aggregate.low() == null || interval == null || !magnitudes.available()) {
                rows.add(new Sensitivity(mBar, null, null));
                continue;
            }
            double[] widened = magnitudes.interval(interval[0], interval[1], mBar);
            rows.add(new Sensitivity(mBar, lower(widened[0]), upper(widened[1])));
        }
        return rows;
    }

    private PreTrendTest preTrend() {
        double[] test = inference.preTrend();
        return new PreTrendTest("the placebo windows before the base (up to " + StaggeredAdoption.PRE_WINDOWS
                + " per cohort) show no effect: parallel trends", "randomisation inference: the weighted mean square of the "
                + "placebo effects against the same under re-drawn adoption orders", test == null ? null : round4(test[0]),
                test == null ? null : round4(test[1]), result.used(Kind.PRE).size());
    }

    private AnticipationCheck anticipation(List<String> warnings) {
        double[] check = inference.anticipation();
        String months = query.anticipation() > 0 ? "the " + query.anticipation() + " month(s) before adoption, left out of the base"
                : "the " + StaggeredAdoption.ANTICIPATION_CHECK_MONTHS + " months before adoption against the year before them";
        if (check == null) {
            return new AnticipationCheck(months, null, null);
        }
        if (check[1] < RandomisationInference.ALPHA) {
            warnings.add("Anticipation: " + months + " already moved (" + format(check[0]) + ", p = " + round4(check[1])
                    + "); if staff or families changed before the start, ask again with anticipation=<months>.");
        }
        return new AnticipationCheck(months, point(check[0]), round4(check[1]));
    }

    private void warnings(List<String> warnings, PreTrendTest pre) {
        long adopted = adoption.values().stream().filter(g -> g <= panel.last()).count();
        if (adopted < MIN_TREATED) {
            warnings.add("Only " + adopted + " district(s) adopted the model; at least " + MIN_TREATED
                    + " are needed for a stable estimate.");
        }
        result.cohorts().forEach(c -> {
            if (c.districts().size() == 1 && c.windowMonths() > 0) {
                warnings.add("The cohort adopting in " + Panel.label(c.group()) + " is one district (" + c.districts().get(0)
                        + "): its effects rest on that district alone.");
            }
            if (c.windowMonths() > StaggeredAdoption.WINDOW_MONTHS[0]) {
                warnings.add("The cohort adopting in " + Panel.label(c.group()) + " is read in windows of " + c.windowMonths()
                        + " months: its quarters hold fewer than " + StaggeredAdoption.MIN_ANSWERS + " answers.");
            }
        });
        exposures.forEach((d, exposure) -> {
            if (exposure.adopted() && exposure.spells().get(0).to() != null) {
                warnings.add(d + " had the model suspended on " + exposure.spells().get(0).to() + (exposure.spells().size() > 1
                        ? " and reinstated" : "") + ": its first spell is in the estimate; what followed is under spells[].");
            }
            if (exposure.adopted() && exposure.firstAdoption().getDayOfMonth() != 1) {
                warnings.add(d + " adopted part-way through " + YearMonth.from(exposure.firstAdoption())
                        + ": that month is left out, neither before nor after.");
            }
        });
        if (pre.pValue() != null && pre.pValue() < RandomisationInference.ALPHA) {
            warnings.add("The pre-trend test rejects parallel trends (p = " + pre.pValue()
                    + "): the adopters differed before adopting; read the sensitivity bounds.");
        }
    }

    private List<DistrictRow> districts() {
        List<DistrictRow> rows = new ArrayList<>();
        exposures.forEach((district, exposure) -> {
            Integer g = adoption.get(district);
            StaggeredAdoption.Cohort cohort = g == null ? null : result.cohorts().stream().filter(c -> c.group() == g)
                    .findFirst().orElse(null);
            DetailIntervals.Estimate own = g == null ? null : details.district(district, g);
            Double att = own == null ? null : point(own.estimate());
            Double low = own == null || own.interval() == null ? null : lower(own.interval()[0]);
            Double high = own == null || own.interval() == null ? null : upper(own.interval()[1]);
            Integer n = own == null ? null : own.n();
            boolean excluded = g != null && g <= panel.last() && own == null;
            String reason = excluded ? result.cells().stream().filter(c -> c.kind() == Kind.POST && c.group() == g && !c.used())
                    .map(Cell::withheld).findFirst().orElse("no complete window after adoption with answers both in it and in the base before adoption (missing base period or no data since)") : null;
            rows.add(new DistrictRow(district, g == null ? null : Panel.label(g),
                    exposure.adopted() ? exposure.firstAdoption().toString() : null,
                    cohort == null ? null : cohort.windowMonths(), cohort == null ? null : Panel.label(cohort.baseFrom()),
                    cohort == null ? null : Panel.label(cohort.baseTo() - 1), excluded, reason, att, low, high, n,
                    exposure.spells().stream().map(s -> new Spell(s.from().toString(), s.to() == null ? null : s.to().toString()))
                            .toList(),
                    panel.excluded(district).stream().map(m -> new Month(m[0], m[1])).toList()));
        });
        return rows;
    }

    private List<GroupTimeCell> groupTime() {
        List<GroupTimeCell> rows = new ArrayList<>();
        for (Cell c : result.cells()) {
            if (c.kind() == Kind.ANTICIPATION || c.months() == 0) {
                continue;
            }
            double[] interval = c.used() ? bootstrap.interval(c.att(), c.residuals(), DetailIntervals.degreesOfFreedom(List.of(c))) : null;
            rows.add(new GroupTimeCell(Panel.label(c.group()), Panel.label(c.from()), Panel.label(c.to() - 1),
                    Panel.label(c.baseFrom()) + " to " + Panel.label(c.baseTo() - 1), c.eventTime(), c.months(),
                    c.used() ? point(c.att()) : null, interval == null ? null : lower(interval[0]),
                    interval == null ? null : upper(interval[1]), c.treated(), c.comparison(), c.withheld()));
        }
        return rows;
    }

    private List<EstimateRow> cohorts() {
        List<EstimateRow> rows = new ArrayList<>();
        for (StaggeredAdoption.Cohort cohort : result.cohorts()) {
            DetailIntervals.Estimate estimate = details.cohort(cohort.group());
            double[] interval = estimate == null ? null : estimate.interval();
            rows.add(new EstimateRow(Panel.label(cohort.group()), cohort.districts(), cohort.windowMonths(),
                    estimate == null ? null : point(estimate.estimate()), interval == null ? null : lower(interval[0]),
                    interval == null ? null : upper(interval[1]), estimate == null ? 0 : estimate.n()));
        }
        return rows;
    }

    private List<EventPoint> eventStudy() {
        Map<Integer, List<Cell>> byTime = new TreeMap<>();
        result.cells().stream().filter(c -> c.used() && c.kind() != Kind.ANTICIPATION)
                .forEach(c -> byTime.computeIfAbsent(c.eventTime(), e -> new ArrayList<>()).add(c));
        List<EventPoint> points = new ArrayList<>();
        byTime.forEach((e, cells) -> {
            double[] estimate = StaggeredAdoption.Result.weighted(cells);
            double[] interval = bootstrap.interval(estimate[0], StaggeredAdoption.Result.residuals(cells),
                    DetailIntervals.degreesOfFreedom(cells));
            points.add(new EventPoint(e, point(estimate[0]), interval == null ? null : lower(interval[0]),
                    interval == null ? null : upper(interval[1]), cells.size(),
                    cells.stream().map(Cell::group).distinct().count()));
        });
        return points;
    }

    /** Whole percentage points for shares (whole days otherwise); a share stays within −1..1. */
    Double point(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        return share ? clamp(Math.round(value * 100) / 100.0) : (double) Math.round(value);
    }

    Double lower(double value) {
        return share ? clamp(Math.floor(value * 100 + 1e-9) / 100.0) : Math.floor(value + 1e-9);
    }

    Double upper(double value) {
        return share ? clamp(Math.ceil(value * 100 - 1e-9) / 100.0) : Math.ceil(value - 1e-9);
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private String format(double value) {
        return share ? (value >= 0 ? "+" : "") + Math.round(value * 100) + " percentage points" : Math.round(value) + " days";
    }

    static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** The statistic randomisation inference uses, for tests: {metric, exposure}. */
    double[] rawAggregate() {
        return result.aggregate();
    }

    double[] rawInterval() {
        return inference.interval();
    }

    double[] rawPreTrend() {
        return inference.preTrend();
    }

    static double t975(int df) {
        return new TDistribution(Math.max(1, df)).inverseCumulativeProbability(0.975);
    }
}
