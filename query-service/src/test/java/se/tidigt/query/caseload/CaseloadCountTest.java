package se.tidigt.query.caseload;

import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.CaseClosed;
import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.CaseTransferred;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.ClosureReason;
import se.tidigt.cases.api.ConcernKind;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.ReporterCategory;
import se.tidigt.cases.api.WorkerAssigned;
import se.tidigt.cases.api.WorkerFunction;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViewReplay;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.StaffingRecorded;
import se.tidigt.rollout.api.WorkModelAdopted;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaseloadCountTest {
    private static final String HV = "hasselby-vallingby";
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @Test
    void a_month_counts_the_cases_open_at_its_end_per_worker_and_per_filled_post_with_their_n() {
        CaseView a = caseOf(raised("a", "2026-01-05T10:00:00Z", "VALLINGBY_TEAM"),
                new WorkerAssigned("a", HV, Instant.parse("2026-01-06T10:00:00Z"), "w-1", WorkerFunction.INTAKE));
        CaseView b = caseOf(raised("b", "2026-01-20T10:00:00Z", "VALLINGBY_TEAM"),
                new WorkerAssigned("b", HV, Instant.parse("2026-01-21T10:00:00Z"), "w-1", WorkerFunction.INTAKE),
                new WorkerAssigned("b", HV, Instant.parse("2026-02-21T10:00:00Z"), "w-2", WorkerFunction.INVESTIGATION));
        CaseView closed = caseOf(raised("c", "2026-01-10T10:00:00Z", "VALLINGBY_TEAM"),
                new CaseClosed("c", HV, Instant.parse("2026-02-10T10:00:00Z"), ClosureReason.NO_ACTION_NEEDED));
        RolloutTimeline timeline = RolloutTimeline.of(List.of(
                new WorkModelAdopted(HV, "VALLINGBY_TEAM", LocalDate.of(2025, 1, 1)),
                new StaffingRecorded(HV, LocalDate.of(2025, 1, 1), new BigDecimal("4"), new BigDecimal("2")),
                new StaffingRecorded(HV, LocalDate.of(2026, 2, 1), new BigDecimal("4"), new BigDecimal("1"))));

        CaseloadReport report = new CaseloadCount(HV, List.of(a, b, closed), timeline).report(YearMonth.of(2026, 1), YearMonth.of(2026, 3), NOW);

        CaseloadReport.Month january = report.months().get(0);
        assertThat(january.openCases()).isEqualTo(3);
        assertThat(january.workers()).isEqualTo(1);
        assertThat(january.openCasesPerWorker()).isEqualTo(new CaseloadReport.Figure(new BigDecimal("3.0"), 3, BigDecimal.ONE));
        assertThat(january.openCasesPerFilledFte()).isEqualTo(new CaseloadReport.Figure(new BigDecimal("1.5"), 3, new BigDecimal("2")));
        CaseloadReport.Month february = report.months().get(1);
        assertThat(february.openCases()).isEqualTo(2);
        assertThat(february.workers()).isEqualTo(2);
        assertThat(february.openCasesPerFilledFte().value()).isEqualByComparingTo("2.0");
        assertThat(report.workersNow()).containsExactly(new CaseloadReport.WorkerLoad("w-1", 2), new CaseloadReport.WorkerLoad("w-2", 1));
        assertThat(report.unassignedNow()).isZero();
    }

    @Test
    void a_case_transferred_away_counts_for_its_first_district_only_until_the_transfer() {
        CaseView moved = caseOf(raised("m", "2026-01-05T10:00:00Z", "ORDINARY"),
                new CaseTransferred("m", HV, Instant.parse("2026-02-10T10:00:00Z"), "farsta"));

        CaseloadReport report = new CaseloadCount(HV, List.of(moved), RolloutTimeline.of(List.of()))
                .report(YearMonth.of(2026, 1), YearMonth.of(2026, 2), NOW);

        assertThat(report.months()).extracting(CaseloadReport.Month::openCases).containsExactly(1L, 0L);
        assertThat(report.months().get(0).openCasesPerWorker().value()).as("no worker to divide by").isNull();
        assertThat(report.months().get(0).openCasesPerFilledFte().value()).as("no staffing record").isNull();
    }

    private static ConcernRaised raised(String id, String received, String model) {
        // Each case's child born in a month of its own.
        YearMonth born = YearMonth.of(2014, 1).plusMonths(id.charAt(0) - 'a');
        return new ConcernRaised(id, HV, Instant.parse(received), model, ReporterCategory.SCHOOL,
                Set.of(ConcernKind.SCHOOL_ABSENCE), new Child("child-" + id, born, false));
    }

    /** The case's view as its events, recorded in this order, leave it. */
    private static CaseView caseOf(CaseEvent... events) {
        List<CaseViewReplay.RecordedEvent> recorded = new ArrayList<>();
        for (CaseEvent event : events) {
            recorded.add(new CaseViewReplay.RecordedEvent(recorded.size(), event.occurredAt(), event));
        }
        return CaseViewReplay.replay(recorded, CaseViewReplay.Basis.AS_OF, NOW).view();
    }
}
