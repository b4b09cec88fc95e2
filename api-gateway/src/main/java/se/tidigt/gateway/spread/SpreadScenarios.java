package se.tidigt.gateway.spread;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import se.tidigt.gateway.limits.ExpensiveRequests;
import se.tidigt.gateway.spread.SpreadAnswers.DistrictRow;
import se.tidigt.gateway.spread.SpreadAnswers.EffectUsed;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.gateway.spread.SpreadAnswers.Investigation;
import se.tidigt.gateway.spread.SpreadAnswers.ScenarioDistrict;
import se.tidigt.gateway.spread.SpreadAnswers.ScenarioYear;
import se.tidigt.query.stats.effect.EffectMetric;
import se.tidigt.query.stats.effect.PlanPowers;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.WaveAssignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static se.tidigt.gateway.spread.SpreadParameter.DISCOUNT_RATE;
import static se.tidigt.gateway.spread.SpreadParameter.ORDINARY_COST_SHARE;
import static se.tidigt.gateway.spread.SpreadParameter.SAVINGS_LAG_YEARS;

/**
 * A scenario year by year: each district's figures from the investigation, counted for the part of each year it
 * is live (savings from the savings lag on), posts to recruit in the year a district starts, the budget, the
 * avoided costs and the discounted net; and the plan's power from the evidence engine's simulation.
 */
@Service
class SpreadScenarios {
    private final PlanPowers powers;
    private final ExpensiveRequests expensive;

    SpreadScenarios(PlanPowers powers, ExpensiveRequests expensive) {
        this.powers = powers;
        this.expensive = expensive;
    }

    SpreadAnswers.Scenario scenario(String user, String scenarioId, ScenarioRequest request, Investigation investigation,
                                    SpreadParameters.Values p, boolean withPower) {
        List<WaveAssignment> schedule = SteppedWedge.schedule(request.districts(), request.firstWaveStart(), request.waves(),
                request.monthsPerWave(), request.seedOrDefault());
        Map<String, DistrictRow> rows = new HashMap<>();
        investigation.districts().forEach(r -> rows.put(r.district(), r));
        Figure costPerFte = investigation.team().costPerFilledFteYearSek();
        List<Planned> planned = new ArrayList<>();
        List<ScenarioDistrict> districts = new ArrayList<>();
        for (WaveAssignment a : schedule) {
            DistrictRow row = rows.get(a.district());
            BigDecimal given = request.fte() == null ? null : request.fte().get(a.district());
            Figure fte = given != null ? Figures.exact(given.doubleValue(), null, DistrictFigures.FTE) : row.capacity().fteNeeded();
            Figure cost = !fte.known() || !costPerFte.known() ? Figure.unknown("SEK/year", !fte.known() ? fte.reason() : costPerFte.reason())
                    : Figures.exact(fte.value() * costPerFte.value(), fte.n(), "SEK/year");
            Figure avoided = Figures.sum(Socioeconomics.SEK, row.socioeconomic().avoidedCostsPerYearSek().municipality(),
                    row.socioeconomic().avoidedCostsPerYearSek().region(), row.socioeconomic().avoidedCostsPerYearSek().state());
            double filled = row.capacity().filledFteToday() == null ? 0 : row.capacity().filledFteToday().doubleValue();
            Figure recruit = fte.known() ? Figures.exact(Math.max(0, fte.value() - filled), fte.n(), DistrictFigures.FTE) : fte;
            planned.add(new Planned(a, cost, row.expectedAdditionalAcceptancesPerYear(), avoided, recruit));
            districts.add(new ScenarioDistrict(a.district(), a.wave(), a.start(), fte, cost, row.expectedAdditionalAcceptancesPerYear()));
        }
        List<ScenarioYear> years = years(request, planned, p);
        return new SpreadAnswers.Scenario(scenarioId, request.isDryRun(), request.workModel(), request.firstWaveStart(),
                request.waves(), request.monthsPerWave(), request.horizon(), request.seedOrDefault(), districts, years,
                years.get(years.size() - 1).cumulativeNetPresentValueSek(),
                withPower ? power(user, schedule, request, investigation) : List.of(), p.listed(), investigation.synthetic());
    }

    private record Planned(WaveAssignment assignment, Figure yearlyCost, Figure additional, Figure avoided, Figure recruit) {
    }

    private static List<ScenarioYear> years(ScenarioRequest request, List<Planned> planned, SpreadParameters.Values p) {
        List<ScenarioYear> years = new ArrayList<>();
        Figure cumulative = Figures.exact(0, null, Socioeconomics.SEK);
        int lag = (int) Math.round(p.get(SAVINGS_LAG_YEARS));
        for (int k = 1; k <= request.horizon(); k++) {
            LocalDate from = request.firstWaveStart().plusYears(k - 1);
            LocalDate to = request.firstWaveStart().plusYears(k);
            int live = (int) planned.stream().filter(d -> d.assignment().start().isBefore(to)).count();
            Figure families = sum(planned, d -> Figures.times(d.additional(), share(d.assignment().start(), from, to), DistrictFigures.FAMILIES));
            Figure budget = sum(planned, d -> Figures.times(d.yearlyCost(), share(d.assignment().start(), from, to), Socioeconomics.SEK));
            Figure avoided = sum(planned, d -> Figures.times(d.avoided(), share(d.assignment().start().plusYears(lag), from, to),
                    Socioeconomics.SEK));
            Figure recruit = sum(planned.stream().filter(d -> !d.assignment().start().isBefore(from) && d.assignment().start().isBefore(to))
                    .toList(), Planned::recruit);
            Figure net = Figures.minus(avoided, Figures.times(budget, 1 - p.get(ORDINARY_COST_SHARE), Socioeconomics.SEK),
                    Socioeconomics.SEK);
            cumulative = Figures.sum(Socioeconomics.SEK, cumulative, Figures.times(net, 1 / Math.pow(1 + p.get(DISCOUNT_RATE), k),
                    Socioeconomics.SEK));
            years.add(new ScenarioYear(k, from, to.minusDays(1), live, families, recruit, budget, avoided, net, cumulative));
        }
        return years;
    }

    private static Figure sum(List<Planned> planned, Function<Planned, Figure> figure) {
        return Figures.sum(planned.isEmpty() ? "" : figure.apply(planned.get(0)).unit(), planned.stream().map(figure).toList());
    }

    /** The share of [from, to) on or after {@code start}. */
    static double share(LocalDate start, LocalDate from, LocalDate to) {
        if (!start.isBefore(to)) {
            return 0;
        }
        LocalDate begin = start.isAfter(from) ? start : from;
        return (double) ChronoUnit.DAYS.between(begin, to) / ChronoUnit.DAYS.between(from, to);
    }

    /** The plan's power to show the pooled effect on acceptance and on concerns leading to accepted support. */
    private List<SpreadAnswers.PlanPower> power(String user, List<WaveAssignment> schedule, ScenarioRequest request,
                                                Investigation investigation) {
        List<SpreadAnswers.PlanPower> answers = new ArrayList<>();
        for (EffectUsed effect : List.of(investigation.pooledEffect(), investigation.pooledEffectOnConcernToAcceptedIntervention())) {
            if (!effect.known() || effect.estimate() <= 0) {
                answers.add(new SpreadAnswers.PlanPower(effect.metric(), null, null, null, effect.known()
                        ? "The pooled effect is not above zero: there is no effect to show." : effect.reason()));
                continue;
            }
            EffectMetric metric = EffectMetric.fromApiName(effect.metric());
            ObjectNode result = expensive.run(user, () -> powers.power(metric, schedule, request.monthsPerWave(),
                    request.seedOrDefault(), effect.estimate(), null, null, request.simulationCount()));
            answers.add(new SpreadAnswers.PlanPower(effect.metric(), effect.estimate(), number(result, "power"),
                    number(result, "minimumDetectableEffect"), null));
        }
        return answers;
    }

    private static Double number(ObjectNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).asDouble() : null;
    }
}
