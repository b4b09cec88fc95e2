package se.tidigt.gateway.spread;

import se.tidigt.rollout.api.AdoptionPlanned;
import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.FundingGranted;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.StaffingRecorded;
import se.tidigt.rollout.api.WorkModelAdopted;
import se.tidigt.rollout.api.WorkModelReinstated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the districts' rollout records say (the same timelines {@code /districts/{district}/rollout} shows): a
 * district's status, its staffing on a day, and per month of the model in force its filled posts and the cost
 * of its funding (each grant spread evenly over its days).
 */
final class TeamRecords {
    private TeamRecords() {
    }

    /** One month of the model in force in one district: filled full-time posts and funded cost. */
    record TeamMonth(YearMonth month, double filledFte, double costSek) {
    }

    static SpreadAnswers.Status status(RolloutTimeline timeline, String workModel, LocalDate today) {
        if (timeline.modelInForceOn(today).filter(workModel::equals).isPresent()) {
            LocalDate since = timeline.entries().stream().filter(e -> !e.effectiveFrom().isAfter(today))
                    .filter(e -> e instanceof WorkModelAdopted a && a.workModel().equals(workModel)
                            || e instanceof WorkModelReinstated r && r.workModel().equals(workModel))
                    .map(DistrictRolloutEvent::effectiveFrom).max(Comparator.naturalOrder()).orElse(null);
            return new SpreadAnswers.Status("ADOPTED", since, null, null, null);
        }
        Optional<AdoptionPlanned> planned = timeline.plannedAdoptions().stream().filter(p -> p.workModel().equals(workModel))
                .reduce((first, later) -> later);
        return planned.map(p -> new SpreadAnswers.Status("PLANNED", null, p.effectiveFrom(), p.wave(), p.planId()))
                .orElse(new SpreadAnswers.Status("NOT_PLANNED", null, null, null, null));
    }

    /** The latest staffing record on or before the day, if any. */
    static Optional<StaffingRecorded> staffingOn(RolloutTimeline timeline, LocalDate day) {
        return timeline.entries().stream().filter(StaffingRecorded.class::isInstance).map(StaffingRecorded.class::cast)
                .filter(s -> !s.effectiveFrom().isAfter(day)).reduce((first, later) -> later);
    }

    /** The months from {@code first} to {@code last} in which the model was in force on the month's first day. */
    static Map<YearMonth, TeamMonth> teamMonths(RolloutTimeline timeline, String workModel, YearMonth first, YearMonth last) {
        Map<YearMonth, TeamMonth> months = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate day = m.atDay(1);
            if (timeline.modelInForceOn(day).filter(workModel::equals).isEmpty()) {
                continue;
            }
            double fte = staffingOn(timeline, day).map(StaffingRecorded::filledFte).map(BigDecimal::doubleValue).orElse(0.0);
            months.put(m, new TeamMonth(m, fte, fundedCost(timeline, m)));
        }
        return months;
    }

    /** The first month the model was adopted in the district, if ever. */
    static Optional<YearMonth> firstAdoption(RolloutTimeline timeline, String workModel) {
        return timeline.entries().stream().filter(e -> e instanceof WorkModelAdopted a && a.workModel().equals(workModel))
                .map(e -> YearMonth.from(e.effectiveFrom())).findFirst();
    }

    private static double fundedCost(RolloutTimeline timeline, YearMonth month) {
        double cost = 0;
        for (DistrictRolloutEvent e : timeline.entries()) {
            if (e instanceof FundingGranted grant) {
                LocalDate from = grant.from().isAfter(month.atDay(1)) ? grant.from() : month.atDay(1);
                LocalDate to = grant.to().isBefore(month.atEndOfMonth()) ? grant.to() : month.atEndOfMonth();
                if (!to.isBefore(from)) {
                    double days = ChronoUnit.DAYS.between(grant.from(), grant.to()) + 1;
                    cost += grant.amountSek() * (ChronoUnit.DAYS.between(from, to) + 1) / days;
                }
            }
        }
        return cost;
    }
}
