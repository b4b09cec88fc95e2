package se.tidigt.gateway.spread;

import se.tidigt.gateway.spread.SpreadAnswers.DistrictRow;
import se.tidigt.gateway.spread.SpreadAnswers.EffectUsed;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.rollout.api.StaffingRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static se.tidigt.gateway.spread.SpreadParameter.DAYS_PER_PLACEMENT;
import static se.tidigt.gateway.spread.SpreadParameter.ORDINARY_COST_SHARE;

/**
 * One district's figures from its protected intake, the effects it is expected to have and the team's caseload
 * and cost; and the sums over the districts that have not adopted the model.
 */
final class DistrictFigures {
    static final String FAMILIES = "families/year";
    static final String CHILDREN = "children/year";
    static final String DAYS = "days/year";
    static final String FTE = "FTE";

    private DistrictFigures() {
    }

    static DistrictRow of(String code, String name, SpreadAnswers.Status status, LocalDate from, LocalDate to,
                          ProtectedCounts.Counts intake, EffectUsed acceptance, EffectUsed reached, EffectUsed placement,
                          SpreadAnswers.Team team, Optional<StaffingRecorded> staffing, SpreadParameters.Values p,
                          int horizon) {
        Figure additional = Figures.countTimesEffect(intake.answered(), acceptance, 1, 1, FAMILIES);
        Figure earlier = Figures.countTimesEffect(intake.concerns(), reached, 1, 1, CHILDREN);
        Figure days = Figures.countTimesEffect(intake.children(), placement, p.get(DAYS_PER_PLACEMENT), -1, DAYS);
        Figure fteNeeded = fteNeeded(intake.concerns(), team.casesPerFilledFte());
        BigDecimal filled = staffing.map(StaffingRecorded::filledFte).orElse(null);
        Figure gap = !fteNeeded.known() ? Figure.unknown(FTE, fteNeeded.reason())
                : Figures.exact(Math.max(0, fteNeeded.value() - (filled == null ? 0 : filled.doubleValue())), fteNeeded.n(), FTE);
        Figure yearlyCost = times(fteNeeded, team.costPerFilledFteYearSek(), "SEK/year");
        SpreadAnswers.Cost cost = new SpreadAnswers.Cost(yearlyCost, perAdditionalFamily(yearlyCost, additional, p));
        return new DistrictRow(code, name, status, new SpreadAnswers.Intake(from.toString(), to.toString(), intake.concerns(),
                intake.answered(), intake.accepted(), intake.children()), acceptance, reached, placement, additional, earlier, days,
                new SpreadAnswers.Capacity(fteNeeded, staffing.map(StaffingRecorded::budgetedFte).orElse(null), filled, gap),
                cost, Socioeconomics.of(days, yearlyCost, p, horizon));
    }

    /** The posts the district's intake needs at the team's observed caseload. */
    static Figure fteNeeded(Long concerns, Figure casesPerFte) {
        if (concerns == null) {
            return Figure.unknown(FTE, "The district's concerns are withheld by disclosure control.");
        }
        if (!casesPerFte.known() || casesPerFte.value() == 0) {
            return Figure.unknown(FTE, casesPerFte.reason());
        }
        return Figures.exact(concerns / casesPerFte.value(), concerns, FTE);
    }

    private static Figure times(Figure a, Figure b, String unit) {
        if (!a.known() || !b.known()) {
            return Figure.unknown(unit, !a.known() ? a.reason() : b.reason());
        }
        return Figures.exact(a.value() * b.value(), a.n(), unit);
    }

    /** The additional cost ÷ the additional accepted families: the low bound from the most families, the high from the fewest. */
    static Figure perAdditionalFamily(Figure yearlyCost, Figure additional, SpreadParameters.Values p) {
        String unit = "SEK/family";
        if (!yearlyCost.known() || !additional.known()) {
            return Figure.unknown(unit, !yearlyCost.known() ? yearlyCost.reason() : additional.reason());
        }
        if (additional.value() <= 0) {
            return Figure.unknown(unit, "The expected gain is not above zero: no cost per additional family.");
        }
        double cost = yearlyCost.value() * (1 - p.get(ORDINARY_COST_SHARE));
        Double low = additional.high() == null || additional.high() <= 0 ? null : cost / additional.high();
        Double high = additional.low() == null || additional.low() <= 0 ? null : cost / additional.low();
        return new Figure(cost / additional.value(), low, high, additional.n(), unit,
                additional.low() != null && additional.low() <= 0
                        ? "The effect's interval includes no gain: the cost per additional family has no upper bound." : null);
    }

    /** Sums over the districts that have not adopted the model (the pooled effect is common to them, so bounds add). */
    static SpreadAnswers.Totals totals(List<DistrictRow> rows, SpreadParameters.Values p, int horizon) {
        List<DistrictRow> open = rows.stream().filter(r -> !r.status().kind().equals("ADOPTED")).toList();
        Figure days = Figures.sum(DAYS, open.stream().map(DistrictRow::avoidedPlacementDaysPerYear).toList());
        Figure cost = Figures.sum("SEK/year", open.stream().map(r -> r.cost().yearlyCostSek()).toList());
        return new SpreadAnswers.Totals(open.stream().map(DistrictRow::district).toList(),
                Figures.sum(FAMILIES, open.stream().map(DistrictRow::expectedAdditionalAcceptancesPerYear).toList()),
                Figures.sum(CHILDREN, open.stream().map(DistrictRow::expectedChildrenReachedEarlierPerYear).toList()),
                days, Figures.sum(FTE, open.stream().map(r -> r.capacity().fteNeeded()).toList()),
                Figures.sum(FTE, open.stream().map(r -> r.capacity().recruitmentGap()).toList()), cost,
                Socioeconomics.avoidedPerYear(days, p), Socioeconomics.of(days, cost, p, horizon).netPresentValueSek());
    }
}
