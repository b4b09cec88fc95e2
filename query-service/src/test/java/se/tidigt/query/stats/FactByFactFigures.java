package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every figure of one group of cases, as docs/statistics.md defines them, computed case by case: the
 * reference the served answers ({@link SummaryFigures}, from cell summaries) are proven equal to. Cases are grouped by
 * their concern (cohort): a case's steps count for the district, model and month of its concern.
 * Counts are left as {@link Count}s and read values as {@link Guarded}; {@link Resolution} turns
 * them into what the reader may see.
 */
final class FactByFactFigures {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FactByFactFigures() {
    }

    static ObjectNode of(Tally tally, List<CaseFact> cases, ChildHistories children, LocalDate today) {
        ObjectNode figures = JSON.objectNode();
        Count concerns = tally.cases(cases.stream());
        figures.set("funnel", funnel(tally, cases, concerns));
        figures.set("acceptanceRate", acceptance(tally, cases));
        figures.set("concernToAcceptedIntervention", Rate.of(tally.cases(cases.stream().filter(FactByFactFigures::hasAccepted)), concerns));
        List<CaseFact> concluded = cases.stream().filter(c -> c.investigationConcludedAt() != null).toList();
        figures.set("investigationToIntervention", Rate.of(
                tally.cases(concluded.stream().filter(c -> c.firstInterventionStart() != null)), tally.cases(concluded.stream())));
        figures.set("concernToInvestigation", Rate.of(cases(tally, cases, CaseFact::investigationOpenedAt), concerns));
        figures.set("initialAssessmentWithin14Days", Rate.of(tally.cases(cases.stream().filter(c -> c.initialAssessedAt() != null
                && Stats.days(c.receivedAt(), c.initialAssessedAt()) <= 14)), cases(tally, cases, CaseFact::initialAssessedAt)));
        figures.set("leadTimes", LeadTimes.of(tally, cases));
        figures.set("investigationLength", LeadTimes.investigations(tally, cases));
        figures.set("reReferral", children.reReferral(tally, cases));
        figures.set("ageAtConcern", Ages.of(tally, cases, c -> c.ageOn(c.receivedAt())));
        figures.set("ageAtFirstIntervention", Ages.of(tally, cases.stream().filter(c -> c.firstInterventionStart() != null)
                .toList(), c -> c.ageOn(c.firstInterventionStart())));
        figures.set("lateSupport", children.lateSupport(tally, cases));
        figures.set("workersPerCase", workers(tally, cases));
        figures.set("collaborationsByPartner", collaborations(tally, cases));
        figures.set("deadlineBreaches", Breaches.of(tally, cases, today));
        figures.set("placements", placements(tally, cases, children, today));
        return figures;
    }

    private static ObjectNode funnel(Tally tally, List<CaseFact> cases, Count concerns) {
        ObjectNode funnel = JSON.objectNode();
        funnel.set("concerns", Tally.node(concerns));
        funnel.set("protectionAssessments", Tally.node(cases(tally, cases, CaseFact::protectionAssessedAt)));
        funnel.set("initialAssessments", Tally.node(cases(tally, cases, CaseFact::initialAssessedAt)));
        funnel.set("investigationsOpened", Tally.node(cases(tally, cases, CaseFact::investigationOpenedAt)));
        funnel.set("investigationsConcluded", Tally.node(cases(tally, cases, CaseFact::investigationConcludedAt)));
        funnel.set("offers", Tally.node(tally.offers(cases, o -> true)));
        funnel.set("accepted", Tally.node(tally.offers(cases, FactByFactFigures::accepted)));
        funnel.set("declined", Tally.node(tally.offers(cases, o -> "DECLINED".equals(o.answer()))));
        funnel.set("interventionsStarted", Tally.node(tally.offers(cases, o -> o.startedAt() != null)));
        funnel.set("interventionsEnded", Tally.node(tally.offers(cases, o -> o.endedAt() != null)));
        funnel.set("casesClosed", Tally.node(cases(tally, cases, CaseFact::closedAt)));
        funnel.set("casesOpen", Tally.node(tally.cases(cases.stream().filter(c -> c.closedAt() == null))));
        return funnel;
    }

    /**
     * Accepted ÷ answered offers (answered = accepted + declined, so the denominator is never a count of
     * its own). Offers are clustered in cases; the interval is a Wilson interval on the effective
     * sample size answered ÷ design effect (docs/statistics.md, "Offers clustered in cases").
     */
    private static ObjectNode acceptance(Tally tally, List<CaseFact> cases) {
        Count accepted = tally.offers(cases, FactByFactFigures::accepted);
        Count declined = tally.offers(cases, o -> "DECLINED".equals(o.answer()));
        ObjectNode node = Rate.of(accepted, Count.sum(accepted, declined));
        node.set("designEffect", Tally.node(designEffect(cases)));
        node.put("clusteredBy", "case");
        return node;
    }

    /**
     * Kish's design effect of the ratio estimator with cases as clusters: the between-case variance of
     * the acceptance rate over the binomial one (at least 1). 1 when every case has one answered offer.
     */
    static Guarded designEffect(List<CaseFact> cases) {
        double a = 0;
        double m = 0;
        int clusters = 0;
        for (CaseFact c : cases) {
            long answered = c.offers().stream().filter(o -> o.answer() != null).count();
            if (answered > 0) {
                clusters++;
                m += answered;
                a += c.offers().stream().filter(FactByFactFigures::accepted).count();
            }
        }
        if (m == 0 || a == 0 || a == m) {
            return Guarded.ratio(1.0, clusters);
        }
        double p = a / m;
        double between = 0;
        for (CaseFact c : cases) {
            long answered = c.offers().stream().filter(o -> o.answer() != null).count();
            long yes = c.offers().stream().filter(FactByFactFigures::accepted).count();
            between += (yes - p * answered) * (yes - p * answered);
        }
        double clustered = between / (m * m);
        double binomial = p * (1 - p) / m;
        return Guarded.ratio(Math.round(Math.max(1.0, clustered / binomial) * 100) / 100.0, clusters);
    }

    private static boolean accepted(CaseFact.OfferFact o) {
        return "ACCEPTED".equals(o.answer());
    }

    private static boolean hasAccepted(CaseFact c) {
        return c.offers().stream().anyMatch(FactByFactFigures::accepted);
    }

    private static ObjectNode workers(Tally tally, List<CaseFact> cases) {
        List<CaseFact> staffed = cases.stream().filter(c -> c.workers() > 0).toList();
        List<Integer> counts = staffed.stream().map(CaseFact::workers).toList();
        ObjectNode node = JSON.objectNode();
        node.set("n", Tally.node(tally.cases(staffed.stream())));
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
        node.set("mean", Tally.node(Guarded.ratio(counts.isEmpty() ? null : Stats.round(mean), counts.size())));
        node.set("median", Tally.node(LeadTimes.guarded(counts, 0.5)));
        return node;
    }

    private static ObjectNode collaborations(Tally tally, List<CaseFact> cases) {
        Map<String, Count> byPartner = new TreeMap<>();
        cases.forEach(c -> c.collaborations().forEach((partner, n) -> byPartner.merge(partner, tally.weighted(c, n),
                (x, y) -> Count.of(x.n() + y.n(), x.key() + y.key()))));
        ObjectNode node = JSON.objectNode();
        byPartner.forEach((partner, count) -> node.set(partner, Tally.node(count)));
        return node;
    }

    private static ObjectNode placements(Tally tally, List<CaseFact> cases, ChildHistories children, LocalDate today) {
        ObjectNode node = JSON.objectNode();
        node.set("placements", Tally.node(tally.placements(cases, p -> 1)));
        node.set("compulsory", Tally.node(tally.placements(cases, p -> p.compulsory() ? 1 : 0)));
        node.set("placementDays", Tally.node(tally.placements(cases, p -> p.endedAt() != null
                ? Stats.days(p.startedAt(), p.endedAt()) : Math.max(0, today.toEpochDay() - Stats.date(p.startedAt()).toEpochDay()))));
        node.set("placedWithin24Months", children.placedWithin24Months(tally, cases));
        return node;
    }

    private static Count cases(Tally tally, List<CaseFact> cases, Function<CaseFact, Instant> step) {
        Predicate<CaseFact> reached = c -> step.apply(c) != null;
        return tally.cases(cases.stream().filter(reached));
    }

}
