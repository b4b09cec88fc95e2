package se.tidigt.query.stats;

import org.springframework.stereotype.Service;
import se.tidigt.query.caseview.CaseView;
import se.tidigt.query.caseview.CaseViews;
import se.tidigt.query.caseview.Proposal;
import se.tidigt.query.stats.protection.CellKeyMethod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decisions under delegation per district × work model × period (the period a proposal was made in): proposals,
 * approvals, rejections, those still pending, and the days from proposal to decision. Exact for a district
 * reading itself; for everyone else every count is published as {@link Publication} publishes counts (the row's
 * series: the district's and model's proposals of every period, the record key the proposal's), approvals and
 * rejections never above the proposals, and the days' mean and median only over at least
 * {@link Publication#MIN_RECORDS} decisions, the median smoothed over its neighbours, the mean to one decimal.
 */
@Service
public class DecisionStatistics {
    private final CaseViews cases;
    private final CellKeyMethod cellKey;

    DecisionStatistics(CaseViews cases, CellKeyMethod cellKey) {
        this.cases = cases;
        this.cellKey = cellKey;
    }

    public enum Period {
        MONTH, QUARTER, YEAR;

        String of(LocalDate day) {
            return switch (this) {
                case MONTH -> YearMonth.from(day).toString();
                case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(day.getYear());
            };
        }
    }

    /** {@code district} and {@code workModel} null for all; {@code from}/{@code to} inclusive months, null for open. */
    public record Query(String district, String workModel, YearMonth from, YearMonth to, Period period) {
        boolean covers(LocalDate day) {
            YearMonth month = YearMonth.from(day);
            return (from == null || !month.isBefore(from)) && (to == null || !month.isAfter(to));
        }
    }

    /** One row; {@code pending} is the proposals not yet decided. */
    public record Row(String district, String workModel, String period, long proposals, long approved, long rejected,
                      long pending, DaysToDecision daysToDecision) {
    }

    /** Days from proposal to decision over {@code n} decisions; null where too few decisions lie behind them. */
    public record DaysToDecision(long n, Double mean, Double median) {
    }

    private record Decision(String proposalId, String district, String workModel, LocalDate proposedOn, Proposal.Status status,
                            Long days) {
        boolean decided() {
            return status != Proposal.Status.PENDING;
        }
    }

    public List<Row> rows(Query query, boolean protect) {
        Map<List<String>, List<Decision>> series = decisions().stream()
                .filter(d -> query.district() == null || query.district().equals(d.district()))
                .filter(d -> query.workModel() == null || query.workModel().equals(d.workModel()))
                .collect(Collectors.groupingBy(d -> List.of(d.district(), d.workModel()), java.util.LinkedHashMap::new,
                        Collectors.toList()));
        Publication publication = new Publication(cellKey);
        List<Cells> cells = new ArrayList<>();
        series.forEach((key, records) -> {
            Map<String, List<Decision>> byPeriod = records.stream().filter(d -> query.covers(d.proposedOn()))
                    .collect(Collectors.groupingBy(d -> query.period().of(d.proposedOn()), TreeMap::new, Collectors.toList()));
            byPeriod.forEach((period, window) -> {
                Predicate<Decision> before = d -> query.period().of(d.proposedOn()).compareTo(period) < 0;
                Cells cell = new Cells(key.get(0), key.get(1), period, window);
                cell.define(publication, records, before);
                cells.add(cell);
            });
        });
        cells.forEach(cell -> cell.constrain(publication));
        publication.settle();
        return cells.stream().map(cell -> cell.row(publication, protect)).sorted(ORDER).toList();
    }

    private List<Decision> decisions() {
        List<Decision> all = new ArrayList<>();
        for (CaseView view : cases.withProposals()) {
            for (Proposal p : view.proposals()) {
                LocalDate proposed = Stats.date(p.proposedAt());
                Long days = p.decidedAt() == null ? null : Stats.days(p.proposedAt(), p.decidedAt());
                all.add(new Decision(p.proposalId(), p.district(), view.workModel(), proposed, p.status(), days));
            }
        }
        return all;
    }

    /** One row's records and counts: proposals, approved, rejected, each a series of its own. */
    private final class Cells {
        final String district;
        final String workModel;
        final String period;
        final List<Decision> window;
        Count proposals;
        Count approved;
        Count rejected;

        Cells(String district, String workModel, String period, List<Decision> window) {
            this.district = district;
            this.workModel = workModel;
            this.period = period;
            this.window = window;
        }

        void define(Publication publication, List<Decision> series, Predicate<Decision> before) {
            proposals = define(publication, series, before, d -> true);
            approved = define(publication, series, before, d -> d.status() == Proposal.Status.APPROVED);
            rejected = define(publication, series, before, d -> d.status() == Proposal.Status.REJECTED);
        }

        private Count define(Publication publication, List<Decision> series, Predicate<Decision> before,
                             Predicate<Decision> selected) {
            Count window = count(this.window.stream().filter(selected).toList());
            publication.define(window, count(series.stream().filter(selected).filter(before).toList()),
                    count(series.stream().filter(selected).toList()));
            return window;
        }

        void constrain(Publication publication) {
            publication.partOf(approved, proposals);
            publication.partOf(rejected, proposals);
            publication.totalOf(proposals, approved, rejected);
        }

        Row row(Publication publication, boolean protect) {
            long shownProposals = protect ? publication.count(proposals) : proposals.n();
            long shownApproved = protect ? publication.count(approved) : approved.n();
            long shownRejected = protect ? publication.count(rejected) : rejected.n();
            List<Long> days = window.stream().filter(Decision::decided).map(Decision::days).sorted().toList();
            long decided = shownApproved + shownRejected;
            return new Row(district, workModel, period, shownProposals, shownApproved, shownRejected,
                    shownProposals - decided, protect ? publishedDays(days, decided, publication) : exactDays(days));
        }

        private DaysToDecision exactDays(List<Long> days) {
            if (days.isEmpty()) {
                return new DaysToDecision(0, null, null);
            }
            return new DaysToDecision(days.size(), Stats.round(days.stream().mapToLong(Long::longValue).average().orElseThrow()),
                    Stats.percentile(days, 0.5));
        }

        /** The n shown is the published decisions; mean and median only over enough records, never one child's value. */
        private DaysToDecision publishedDays(List<Long> days, long publishedDecided, Publication publication) {
            if (days.size() < Publication.MIN_RECORDS || publishedDecided < publication.threshold()) {
                return new DaysToDecision(publishedDecided, null, null);
            }
            double mean = days.stream().mapToLong(Long::longValue).average().orElseThrow();
            TreeMap<Long, Count> histogram = new TreeMap<>();
            days.forEach(d -> histogram.merge(d, Count.of(1, 0), (a, b) -> Count.of(a.n() + b.n(), 0)));
            long rank = (long) Math.ceil(0.5 * days.size());
            return new DaysToDecision(publishedDecided, Guarded.ratio(mean, days.size()).published(),
                    Publication.smoothed(histogram, rank, days.size()));
        }
    }

    private Count count(List<Decision> records) {
        long key = 0;
        for (Decision d : records) {
            key += cellKey.keys().of(d.proposalId());
        }
        return Count.of(records.size(), key);
    }

    /** Oldest period first, then district and model: the order rows are given in. */
    static final Comparator<Row> ORDER = Comparator.comparing(Row::period).thenComparing(Row::district)
            .thenComparing(Row::workModel);
}
