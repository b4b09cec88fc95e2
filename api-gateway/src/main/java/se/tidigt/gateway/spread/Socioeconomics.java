package se.tidigt.gateway.spread;

import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.gateway.spread.SpreadAnswers.Payers;
import se.tidigt.gateway.spread.SpreadAnswers.Socioeconomic;

import static se.tidigt.gateway.spread.SpreadParameter.COMPULSORY_SHARE_OF_DAYS;
import static se.tidigt.gateway.spread.SpreadParameter.DISCOUNT_RATE;
import static se.tidigt.gateway.spread.SpreadParameter.FAMILY_HOME_COST_PER_DAY;
import static se.tidigt.gateway.spread.SpreadParameter.HVB_COST_PER_DAY;
import static se.tidigt.gateway.spread.SpreadParameter.HVB_SHARE_OF_DAYS;
import static se.tidigt.gateway.spread.SpreadParameter.ORDINARY_COST_SHARE;
import static se.tidigt.gateway.spread.SpreadParameter.REGION_COST_PER_PLACEMENT_DAY;
import static se.tidigt.gateway.spread.SpreadParameter.SAVINGS_LAG_YEARS;
import static se.tidigt.gateway.spread.SpreadParameter.STATE_COST_PER_COMPULSORY_DAY;

/**
 * The socio-economic view of one district (or a sum of districts): avoided placement days priced per payer,
 * present values over the horizon, the net present value against the team's additional cost, and the year the
 * discounted sum first turns positive. Each bound follows the bound of the placement days (the effect's interval).
 * docs/spread-investigation.md gives every formula.
 */
final class Socioeconomics {
    static final String SEK = "SEK";

    private Socioeconomics() {
    }

    /** Avoided costs a year per payer from avoided placement days a year. */
    static Payers avoidedPerYear(Figure days, SpreadParameters.Values p) {
        double municipality = p.get(HVB_SHARE_OF_DAYS) * p.get(HVB_COST_PER_DAY)
                + (1 - p.get(HVB_SHARE_OF_DAYS)) * p.get(FAMILY_HOME_COST_PER_DAY);
        double region = p.get(REGION_COST_PER_PLACEMENT_DAY);
        double state = p.get(COMPULSORY_SHARE_OF_DAYS) * p.get(STATE_COST_PER_COMPULSORY_DAY);
        return new Payers(Figures.times(days, municipality, SEK), Figures.times(days, region, SEK), Figures.times(days, state, SEK));
    }

    /** The additional cost a year: the team's cost less what ordinary work would spend anyway. */
    static Figure additionalCost(Figure yearlyCost, SpreadParameters.Values p) {
        return Figures.times(yearlyCost, 1 - p.get(ORDINARY_COST_SHARE), SEK);
    }

    static Socioeconomic of(Figure days, Figure yearlyCost, SpreadParameters.Values p, int horizon) {
        Payers perYear = avoidedPerYear(days, p);
        if (!days.known()) {
            String reason = "Avoided placement costs are not known: " + days.reason();
            Figure unknown = Figure.unknown(SEK, reason);
            return new Socioeconomic(perYear, new Payers(unknown, unknown, unknown), unknown, Figure.unknown("year", reason), reason);
        }
        double savingsFactor = annuity(p.get(DISCOUNT_RATE), (int) Math.round(p.get(SAVINGS_LAG_YEARS)) + 1, horizon);
        double costFactor = annuity(p.get(DISCOUNT_RATE), 1, horizon);
        Payers present = new Payers(Figures.times(perYear.municipality(), savingsFactor, SEK),
                Figures.times(perYear.region(), savingsFactor, SEK), Figures.times(perYear.state(), savingsFactor, SEK));
        Figure avoided = Figures.sum(SEK, perYear.municipality(), perYear.region(), perYear.state());
        Figure cost = additionalCost(yearlyCost, p);
        if (!cost.known()) {
            String reason = "The net present value is not known: " + cost.reason();
            return new Socioeconomic(perYear, present, Figure.unknown(SEK, reason), Figure.unknown("year", reason), null);
        }
        Figure net = Figures.minus(Figures.times(avoided, savingsFactor, SEK), Figures.times(cost, costFactor, SEK), SEK);
        Integer at = breakEven(avoided.value(), cost.value(), p, horizon);
        Integer early = breakEven(avoided.high(), cost.value(), p, horizon);
        Integer late = breakEven(avoided.low(), cost.value(), p, horizon);
        Figure year = new Figure(at == null ? null : at.doubleValue(), early == null ? null : early.doubleValue(),
                late == null ? null : late.doubleValue(), avoided.n(), "year",
                at == null ? "The discounted savings do not reach the costs within " + horizon + " years." : null);
        return new Socioeconomic(perYear, present, net, year, null);
    }

    /** Σ 1/(1+r)^t for t from {@code first} to {@code horizon}. */
    static double annuity(double rate, int first, int horizon) {
        double sum = 0;
        for (int t = first; t <= horizon; t++) {
            sum += 1 / Math.pow(1 + rate, t);
        }
        return sum;
    }

    /** The first year whose cumulative discounted savings less costs reach zero, or null within the horizon. */
    static Integer breakEven(Double avoided, double cost, SpreadParameters.Values p, int horizon) {
        if (avoided == null) {
            return null;
        }
        int lag = (int) Math.round(p.get(SAVINGS_LAG_YEARS));
        double cumulative = 0;
        for (int t = 1; t <= horizon; t++) {
            double discount = 1 / Math.pow(1 + p.get(DISCOUNT_RATE), t);
            cumulative += ((t > lag ? avoided : 0) - cost) * discount;
            if (cumulative >= 0) {
                return t;
            }
        }
        return null;
    }
}
