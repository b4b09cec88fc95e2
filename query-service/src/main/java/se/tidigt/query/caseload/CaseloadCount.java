package se.tidigt.query.caseload;

import se.tidigt.cases.api.Deadlines;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.StaffingRecorded;
import se.tidigt.rollout.api.WorkModels;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts a district's caseload from its cases' views and its rollout timeline: a plain calculation, no
 * database. A case counts in a month when, at the month's end, it had been received, was not closed and
 * belonged to the district (transfers move it); its workers are those assigned by then.
 */
final class CaseloadCount {
    private final String district;
    private final List<CaseView> cases;
    private final RolloutTimeline timeline;

    CaseloadCount(String district, List<CaseView> cases, RolloutTimeline timeline) {
        this.district = district;
        this.cases = cases;
        this.timeline = timeline;
    }

    CaseloadReport report(YearMonth from, YearMonth to, Instant now) {
        List<CaseloadReport.Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month(month, min(endOf(month), now)));
        }
        Map<String, Long> workers = new TreeMap<>();
        long unassigned = 0;
        for (CaseView view : openAt(now)) {
            Set<String> assigned = workersBy(view, now);
            assigned.forEach(worker -> workers.merge(worker, 1L, Long::sum));
            unassigned += assigned.isEmpty() ? 1 : 0;
        }
        List<CaseloadReport.WorkerLoad> loads = workers.entrySet().stream()
                .map(e -> new CaseloadReport.WorkerLoad(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CaseloadReport.WorkerLoad::openCases).reversed()).toList();
        return new CaseloadReport(district, from, to, months, loads, unassigned);
    }

    private CaseloadReport.Month month(YearMonth month, Instant at) {
        List<CaseView> open = openAt(at);
        Set<String> workers = new HashSet<>();
        open.forEach(view -> workers.addAll(workersBy(view, at)));
        LocalDate day = LocalDate.ofInstant(at.minusNanos(1), Deadlines.ZONE);
        String model = timeline.modelInForceOn(day).orElse(WorkModels.ORDINARY_CODE);
        long ofModel = open.stream().filter(view -> model.equals(view.workModel())).count();
        BigDecimal filled = filledFteOn(day).orElse(null);
        return new CaseloadReport.Month(month, open.size(), workers.size(), ratio(open.size(), BigDecimal.valueOf(workers.size())),
                model, ofModel, filled, ratio(ofModel, filled));
    }

    private List<CaseView> openAt(Instant at) {
        return cases.stream().filter(view -> view.receivedAt().isBefore(at) && (view.closedAt() == null || !view.closedAt().isBefore(at))
                && district.equals(districtAt(view, at))).toList();
    }

    /** The district a case belonged to at an instant: where it began, moved by each transfer before then. */
    static String districtAt(CaseView view, Instant at) {
        String where = view.transfers().isEmpty() ? view.district() : view.transfers().get(0).fromDistrict();
        for (CaseView.Transfer transfer : view.transfers()) {
            if (transfer.transferredAt().isBefore(at)) {
                where = transfer.toDistrict();
            }
        }
        return where;
    }

    private static Set<String> workersBy(CaseView view, Instant at) {
        Set<String> workers = new HashSet<>();
        view.workers().stream().filter(w -> w.assignedAt().isBefore(at)).forEach(w -> workers.add(w.workerId()));
        return workers;
    }

    /** The staffing record in force on the day: the latest effective one (the last recorded of a day). */
    private Optional<BigDecimal> filledFteOn(LocalDate day) {
        StaffingRecorded inForce = null;
        for (DistrictRolloutEvent entry : timeline.entries()) {
            if (entry instanceof StaffingRecorded staffing && !staffing.effectiveFrom().isAfter(day)
                    && (inForce == null || !staffing.effectiveFrom().isBefore(inForce.effectiveFrom()))) {
                inForce = staffing;
            }
        }
        return Optional.ofNullable(inForce).map(StaffingRecorded::filledFte);
    }

    private static CaseloadReport.Figure ratio(long n, BigDecimal per) {
        BigDecimal value = per == null || per.signum() <= 0 ? null : BigDecimal.valueOf(n).divide(per, 1, RoundingMode.HALF_UP);
        return new CaseloadReport.Figure(value, n, per);
    }

    private static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(Deadlines.ZONE).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
