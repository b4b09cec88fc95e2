package se.tidigt.gateway.spread;

import se.tidigt.gateway.spread.SpreadAnswers.CapacityYear;
import se.tidigt.gateway.spread.SpreadAnswers.Figure;
import se.tidigt.query.stats.StatisticsPosition;
import se.tidigt.rollout.api.RolloutTimeline;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the team has shown in the districts that ran it: per calendar year, the model's concerns (protected, the
 * whole city) against the filled full-time posts of the months it was in force (staffing records), and the funded
 * cost of those months (funding records); over all years, cases per filled post, cost per year, per filled post
 * and per accepted family.
 */
final class TeamFigures {
    private TeamFigures() {
    }

    static SpreadAnswers.Team of(String workModel, Map<String, RolloutTimeline> timelines, YearMonth last,
                                 ProtectedCounts counts, StatisticsPosition.State state) {
        Map<Integer, double[]> years = new TreeMap<>();
        YearMonth first = null;
        for (RolloutTimeline timeline : timelines.values()) {
            Optional<YearMonth> adopted = TeamRecords.firstAdoption(timeline, workModel);
            if (adopted.isEmpty() || adopted.get().isAfter(last)) {
                continue;
            }
            first = first == null || adopted.get().isBefore(first) ? adopted.get() : first;
            for (TeamRecords.TeamMonth m : TeamRecords.teamMonths(timeline, workModel, adopted.get(), last).values()) {
                double[] year = years.computeIfAbsent(m.month().getYear(), y -> new double[3]);
                year[0] += m.filledFte();
                year[1] += m.costSek();
                year[2] += 1;
            }
        }
        List<CapacityYear> overTime = new ArrayList<>();
        long concerns = 0;
        long accepted = 0;
        double fteMonths = 0;
        double cost = 0;
        double districtMonths = 0;
        boolean withheld = false;
        for (Map.Entry<Integer, double[]> year : years.entrySet()) {
            YearMonth yearFirst = YearMonth.of(year.getKey(), 1).isBefore(first) ? first : YearMonth.of(year.getKey(), 1);
            YearMonth yearLast = YearMonth.of(year.getKey(), 12).isAfter(last) ? last : YearMonth.of(year.getKey(), 12);
            ProtectedCounts.Counts c = counts.ofModel(workModel, yearFirst.atDay(1), yearLast.atEndOfMonth(), state);
            double fteYears = year.getValue()[0] / 12;
            overTime.add(new CapacityYear(year.getKey(), c.concerns(), round(fteYears, 2),
                    c.concerns() == null || fteYears == 0 ? null : round(c.concerns() / fteYears, 1),
                    Math.round(year.getValue()[1])));
            if (c.concerns() == null || c.accepted() == null) {
                withheld = true;
                continue;
            }
            concerns += c.concerns();
            accepted += c.accepted();
            fteMonths += year.getValue()[0];
            cost += year.getValue()[1];
            districtMonths += year.getValue()[2];
        }
        String source = "staffing and funding records of the districts while the model was in force"
                + (first == null ? "" : ", " + first + " to " + last) + "; the model's concerns and accepted offers as /stats "
                + "publishes them" + (withheld ? " (years with a withheld count left out)" : "");
        if (fteMonths == 0) {
            String reason = first == null ? "No district has run the model yet: there is no caseload or cost to learn from."
                    : "No filled posts are recorded for the months the model was in force.";
            Figure none = Figure.unknown("", reason);
            return new SpreadAnswers.Team(none, none, none, none, overTime, source);
        }
        double fteYears = fteMonths / 12;
        long n = Math.round(districtMonths);
        return new SpreadAnswers.Team(Figures.exact(concerns / fteYears, concerns, "cases per FTE-year"),
                Figures.exact(cost / (districtMonths / 12), n, "SEK/year"),
                Figures.exact(cost / fteYears, n, "SEK/FTE-year"),
                accepted == 0 ? Figure.unknown("SEK/family", "No accepted offers in the team's months.")
                        : Figures.exact(cost / accepted, accepted, "SEK/family"),
                overTime, source);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

}
