package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * The figures of a group, a tree of {@link Count}s and {@link Guarded} values,
 * read from a merged {@link CellSummary} instead of a pass over the cases: counts are entries, rates
 * pairs of them, percentiles read off merged value histograms (nearest rank, support from the same
 * histogram), and what depends on today compared against the days kept as values.
 */
final class SummaryFigures {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** How close (in hundredths) the exact design effect may come to a rounding tie before the cases decide. */
    private static final double TIE_MARGIN = 1e-6;

    private final CellSummary s;
    private final LocalDate today;
    /** The group's cases in the facts' order, only for a design effect at a rounding tie (see designEffect). */
    private final Supplier<List<CaseFact>> cases;

    private SummaryFigures(CellSummary s, LocalDate today, Supplier<List<CaseFact>> cases) {
        this.s = s;
        this.today = today;
        this.cases = cases;
    }

    /** Every figure of a group. {@code cases}: the group's cases in the facts' order, asked for only at a tie. */
    static ObjectNode of(CellSummary summary, LocalDate today, Supplier<List<CaseFact>> cases) {
        return new SummaryFigures(summary, today, cases).figures();
    }

    private ObjectNode figures() {
        ObjectNode figures = JSON.objectNode();
        Count concerns = s.count(Metric.CONCERNS);
        figures.set("funnel", funnel(concerns));
        Count accepted = s.count(Metric.ACCEPTED_OFFERS);
        ObjectNode acceptance = Rate.of(accepted, Count.sum(accepted, s.count(Metric.DECLINED_OFFERS)));
        acceptance.set("designEffect", Tally.node(designEffect()));
        acceptance.put("clusteredBy", "case");
        figures.set("acceptanceRate", acceptance);
        figures.set("concernToAcceptedIntervention", Rate.of(s.count(Metric.HAS_ACCEPTED), concerns));
        figures.set("investigationToIntervention", Rate.of(s.count(Metric.CONCLUDED_WITH_INTERVENTION),
                s.count(Metric.INVESTIGATION_CONCLUDED)));
        figures.set("concernToInvestigation", Rate.of(s.count(Metric.INVESTIGATION_OPENED), concerns));
        figures.set("initialAssessmentWithin14Days", Rate.of(s.count(Metric.INITIAL_ASSESSMENT_WITHIN_14_DAYS),
                s.count(Metric.INITIAL_ASSESSED)));
        ObjectNode leadTimes = JSON.objectNode();
        leadTimes.set("concernToInitialAssessment", distribution(Metric.DAYS_TO_INITIAL_ASSESSMENT, Metric.OPEN_BEFORE_INITIAL_ASSESSMENT));
        leadTimes.set("concernToFirstOffer", distribution(Metric.DAYS_TO_FIRST_OFFER, Metric.OPEN_BEFORE_FIRST_OFFER));
        leadTimes.set("concernToInterventionStart", distribution(Metric.DAYS_TO_INTERVENTION_START, Metric.OPEN_BEFORE_INTERVENTION_START));
        figures.set("leadTimes", leadTimes);
        figures.set("investigationLength", investigations());
        figures.set("reReferral", reReferral());
        figures.set("ageAtConcern", ages(s.histogram(Metric.AGE_AT_CONCERN)));
        figures.set("ageAtFirstIntervention", ages(s.histogram(Metric.AGE_AT_FIRST_INTERVENTION)));
        figures.set("lateSupport", lateSupport());
        figures.set("workersPerCase", workers());
        ObjectNode partners = JSON.objectNode();
        s.labelled(Metric.COLLABORATIONS).forEach((partner, count) -> partners.set(partner, Tally.node(count)));
        figures.set("collaborationsByPartner", partners);
        figures.set("deadlineBreaches", breaches());
        figures.set("placements", placements());
        return figures;
    }

    private ObjectNode funnel(Count concerns) {
        ObjectNode funnel = JSON.objectNode();
        funnel.set("concerns", Tally.node(concerns));
        funnel.set("protectionAssessments", Tally.node(s.count(Metric.PROTECTION_ASSESSED)));
        funnel.set("initialAssessments", Tally.node(s.count(Metric.INITIAL_ASSESSED)));
        funnel.set("investigationsOpened", Tally.node(s.count(Metric.INVESTIGATION_OPENED)));
        funnel.set("investigationsConcluded", Tally.node(s.count(Metric.INVESTIGATION_CONCLUDED)));
        funnel.set("offers", Tally.node(s.count(Metric.OFFERS)));
        funnel.set("accepted", Tally.node(s.count(Metric.ACCEPTED_OFFERS)));
        funnel.set("declined", Tally.node(s.count(Metric.DECLINED_OFFERS)));
        funnel.set("interventionsStarted", Tally.node(s.count(Metric.STARTED_OFFERS)));
        funnel.set("interventionsEnded", Tally.node(s.count(Metric.ENDED_OFFERS)));
        funnel.set("casesClosed", Tally.node(s.count(Metric.CLOSED)));
        funnel.set("casesOpen", Tally.node(s.count(Metric.OPEN)));
        return funnel;
    }

    /**
     * Kish's design effect from the integer sums over clusters: with a accepted of m answered (p = a/m),
     * Σ(y − p·a_c)² ÷ m² over p(1 − p) ÷ m is (m²Σy² − 2amΣy·a_c + a²Σa_c²) ÷ (m·a·(m − a)), computed
     * exactly. A loop over the cases sums the same in floating point, in the cases' order, so the two can
     * round differently only when the exact value lies at (or within 10⁻⁶ hundredths of) a half
     * hundredth: there the group's cases decide, by that very loop.
     */
    private Guarded designEffect() {
        long clusters = s.count(Metric.DE_CLUSTERS).n();
        long m = s.count(Metric.DE_ANSWERED).n();
        long a = s.count(Metric.DE_ACCEPTED).n();
        if (m == 0 || a == 0 || a == m) {
            return Guarded.ratio(1.0, clusters);
        }
        BigInteger bm = BigInteger.valueOf(m);
        BigInteger ba = BigInteger.valueOf(a);
        BigInteger numerator = bm.multiply(bm).multiply(BigInteger.valueOf(s.count(Metric.DE_ACCEPTED_SQUARED).n()))
                .subtract(BigInteger.TWO.multiply(ba).multiply(bm).multiply(BigInteger.valueOf(s.count(Metric.DE_ACCEPTED_TIMES_ANSWERED).n())))
                .add(ba.multiply(ba).multiply(BigInteger.valueOf(s.count(Metric.DE_ANSWERED_SQUARED).n())));
        BigInteger denominator = bm.multiply(ba).multiply(bm.subtract(ba));
        if (numerator.compareTo(denominator) <= 0) {
            return Guarded.ratio(1.0, clusters); // at most 1: max(1, ·) is 1 whatever the rounding
        }
        // Hundredths: 100·N/D = whole + fraction; its distance from the half decides how it rounds.
        BigInteger[] hundredths = numerator.multiply(BigInteger.valueOf(100)).divideAndRemainder(denominator);
        double fraction = new java.math.BigDecimal(hundredths[1]).divide(new java.math.BigDecimal(denominator),
                java.math.MathContext.DECIMAL64).doubleValue();
        if (Math.abs(fraction - 0.5) < TIE_MARGIN) {
            return designEffectCaseByCase(cases.get());
        }
        long rounded = hundredths[0].longValueExact() + (fraction > 0.5 ? 1 : 0);
        return Guarded.ratio(rounded / 100.0, clusters);
    }

    private ObjectNode distribution(Metric days, Metric stillOpen) {
        TreeMap<Long, Count> histogram = s.histogram(days);
        ObjectNode node = summary(histogram, "Days");
        node.set("stillOpen", Tally.node(s.count(stillOpen)));
        return node;
    }

    private ObjectNode investigations() {
        TreeMap<Long, Count> days = s.histogram(Metric.INVESTIGATION_DAYS);
        ObjectNode node = summary(days, "Days");
        node.set("stillOpen", Tally.node(s.count(Metric.INVESTIGATION_STILL_OPEN)));
        node.set("overDue", Rate.of(s.count(Metric.INVESTIGATION_OVERDUE), total(days, v -> true)));
        return node;
    }

    /** Closed cases followed for a full year (closing day + 12 months ≤ today) and those referred again. */
    private ObjectNode reReferral() {
        LongPredicate followed = day -> !LocalDate.ofEpochDay(day).plusMonths(12).isAfter(today);
        ObjectNode node = Rate.of(s.count(Metric.CLOSED_ON_REFERRED_AGAIN, followed), s.count(Metric.CLOSED_ON, followed));
        node.set("closedTooRecently", Tally.node(s.count(Metric.CLOSED_ON, followed.negate())));
        return node;
    }

    private ObjectNode lateSupport() {
        TreeMap<Long, Count> years = s.histogram(Metric.HELPED_YEARS_TO_FIRST_INTERVENTION);
        TreeMap<Long, Count> firstAges = s.histogram(Metric.FIRST_CONCERN_AGE);
        ObjectNode node = JSON.objectNode();
        node.set("children", Tally.node(total(firstAges, v -> true)));
        node.set("ageAtFirstConcern", ages(firstAges));
        node.set("ageAtFirstIntervention", ages(s.histogram(Metric.HELPED_AGE_AT_FIRST_INTERVENTION)));
        node.set("yearsToFirstIntervention", summary(years, "Years"));
        node.set("shareTwoYearsOrMore", Rate.of(total(years, v -> v >= 2), total(years, v -> true)));
        node.set("stillWaiting", Tally.node(s.count(Metric.STILL_WAITING)));
        return node;
    }

    /** Placements, those under LVU, their days up to their end or today, and the share placed within 24 months. */
    private ObjectNode placements() {
        ObjectNode node = JSON.objectNode();
        node.set("placements", Tally.node(s.count(Metric.PLACEMENTS)));
        node.set("compulsory", Tally.node(s.count(Metric.COMPULSORY_PLACEMENTS)));
        Count ended = s.count(Metric.PLACEMENT_DAYS_ENDED);
        long days = ended.n();
        long key = ended.key();
        for (Map.Entry<Long, Count> running : s.histogram(Metric.PLACEMENT_RUNNING_SINCE).entrySet()) {
            long since = Math.max(0, today.toEpochDay() - running.getKey());
            days += since * running.getValue().n();
            key += since * running.getValue().key();
        }
        node.set("placementDays", Tally.node(Count.of(days, key)));
        LongPredicate followed = day -> !LocalDate.ofEpochDay(day).plusMonths(24).isAfter(today);
        ObjectNode within = Rate.of(s.count(Metric.FIRST_CONCERN_ON_PLACED_WITHIN_24M, followed),
                s.count(Metric.FIRST_CONCERN_ON, followed));
        within.set("followedTooShort", Tally.node(s.count(Metric.FIRST_CONCERN_ON, followed.negate())));
        node.set("placedWithin24Months", within);
        return node;
    }

    private ObjectNode workers() {
        TreeMap<Long, Count> workers = s.histogram(Metric.WORKERS);
        long staffed = 0;
        long sum = 0;
        for (Map.Entry<Long, Count> e : workers.entrySet()) {
            staffed += e.getValue().n();
            sum += e.getKey() * e.getValue().n();
        }
        ObjectNode node = JSON.objectNode();
        node.set("n", Tally.node(total(workers, v -> true)));
        // IntStream.average() divides the exact integer sum by the count: the same double.
        Double mean = staffed == 0 ? null : Stats.round((double) sum / staffed);
        node.set("mean", Tally.node(Guarded.ratio(mean, staffed)));
        node.set("median", Tally.node(guarded(workers, 0.5)));
        return node;
    }

    private ObjectNode breaches() {
        long day = today.toEpochDay();
        ObjectNode node = JSON.objectNode();
        node.set("PROTECTION_ASSESSMENT", Tally.node(breached(Metric.PROTECTION_ASSESSMENT_LATE, Metric.PROTECTION_ASSESSMENT_PENDING, day)));
        node.set("INITIAL_ASSESSMENT", Tally.node(breached(Metric.INITIAL_ASSESSMENT_LATE, Metric.INITIAL_ASSESSMENT_PENDING, day)));
        node.set("INVESTIGATION", Tally.node(breached(Metric.INVESTIGATION_LATE, Metric.INVESTIGATION_PENDING, day)));
        return node;
    }

    private Count breached(Metric late, Metric pending, long today) {
        Count done = s.count(late);
        Count due = s.count(pending, dueDay -> dueDay < today);
        return Count.of(done.n() + due.n(), done.key() + due.key());
    }

    /** As {@link Ages#of}: n, count by year of age, shares under 10 and 13 to 17. */
    private ObjectNode ages(TreeMap<Long, Count> byAge) {
        ObjectNode node = JSON.objectNode();
        Count n = total(byAge, v -> true);
        node.set("n", Tally.node(n));
        ObjectNode years = node.putObject("byYear");
        byAge.forEach((age, count) -> years.set(String.valueOf(age), Tally.node(count)));
        node.set("shareUnder10", Rate.of(total(byAge, age -> age < 10), n));
        node.set("share13to17", Rate.of(total(byAge, age -> age >= 13 && age <= 17), n));
        return node;
    }

    /** As {@link LeadTimes#summary}: n, median and 90th percentile. */
    private ObjectNode summary(TreeMap<Long, Count> histogram, String unit) {
        ObjectNode node = JSON.objectNode();
        node.set("n", Tally.node(total(histogram, v -> true)));
        node.set("median" + unit, Tally.node(guarded(histogram, 0.5)));
        node.set("p90" + unit, Tally.node(guarded(histogram, 0.9)));
        return node;
    }

    /**
     * As {@link LeadTimes#guarded}: the nearest-rank percentile (the smallest value with at least q of
     * the records at or below it) and the smaller of the records at or below and at or above it.
     */
    private Guarded guarded(TreeMap<Long, Count> histogram, double q) {
        long records = 0;
        for (Count count : histogram.values()) {
            records += count.n();
        }
        if (records == 0) {
            return Guarded.none();
        }
        long rank = Math.max(1, (int) Math.ceil(q * records));
        long below = 0;
        for (Map.Entry<Long, Count> e : histogram.entrySet()) {
            long before = below;
            below += e.getValue().n();
            if (below >= rank) {
                return new Guarded((double) e.getKey(), Math.min(below, records - before), records,
                        Publication.smoothed(histogram, rank, records));
            }
        }
        throw new IllegalStateException("rank beyond the records");
    }

    /** The design effect summed case by case in floating point, in the cases' order: how a tie is rounded. */
    private static Guarded designEffectCaseByCase(List<CaseFact> cases) {
        double a = 0;
        double m = 0;
        int clusters = 0;
        for (CaseFact c : cases) {
            long answered = c.offers().stream().filter(o -> o.answer() != null).count();
            if (answered > 0) {
                clusters++;
                m += answered;
                a += c.offers().stream().filter(o -> "ACCEPTED".equals(o.answer())).count();
            }
        }
        if (m == 0 || a == 0 || a == m) {
            return Guarded.ratio(1.0, clusters);
        }
        double p = a / m;
        double between = 0;
        for (CaseFact c : cases) {
            long answered = c.offers().stream().filter(o -> o.answer() != null).count();
            long yes = c.offers().stream().filter(o -> "ACCEPTED".equals(o.answer())).count();
            between += (yes - p * answered) * (yes - p * answered);
        }
        double clustered = between / (m * m);
        double binomial = p * (1 - p) / m;
        return Guarded.ratio(Math.round(Math.max(1.0, clustered / binomial) * 100) / 100.0, clusters);
    }

    private static Count total(TreeMap<Long, Count> histogram, LongPredicate value) {
        long n = 0;
        long key = 0;
        for (Map.Entry<Long, Count> e : histogram.entrySet()) {
            if (value.test(e.getKey())) {
                n += e.getValue().n();
                key += e.getValue().key();
            }
        }
        return Count.of(n, key);
    }
}
