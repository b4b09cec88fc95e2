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
 * Every figure is a typed {@link Figure}; {@link Resolution} turns them into what the reader may see.
 */
final class FactByFactFigures {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FactByFactFigures() {
    }

    static ObjectNode of(Tally tally, List<CaseFact> cases, ChildHistories children, LocalDate today) {
        ObjectNode figures = JSON.objectNode();
        Count concerns = tally.cases(cases.stream());
        figures.set("funnel", Tally.node(funnel(tally, cases, concerns)));
        figures.set("acceptanceRate", Tally.node(acceptance(tally, cases)));
        figures.set("concernToAcceptedIntervention", Tally.node(Share.of(tally.cases(cases.stream().filter(FactByFactFigures::hasAccepted)), concerns)));
        List<CaseFact> concluded = cases.stream().filter(c -> c.investigationConcludedAt() != null).toList();
        figures.set("investigationToIntervention", Tally.node(Share.of(
                tally.cases(concluded.stream().filter(c -> c.firstInterventionStart() != null)), tally.cases(concluded.stream()))));
        figures.set("concernToInvestigation", Tally.node(Share.of(cases(tally, cases, CaseFact::investigationOpenedAt), concerns)));
        figures.set("initialAssessmentWithin14Days", Tally.node(Share.of(tally.cases(cases.stream().filter(c -> c.initialAssessedAt() != null
                && Stats.days(c.receivedAt(), c.initialAssessedAt()) <= 14)), cases(tally, cases, CaseFact::initialAssessedAt))));
        figures.set("leadTimes", LeadTimes.of(tally, cases));
        figures.set("investigationLength", LeadTimes.investigations(tally, cases));
        figures.set("reReferral", Tally.node(reReferral(tally, cases, children)));
        figures.set("ageAtConcern", Ages.of(tally, cases, c -> c.ageOn(c.receivedAt())));
        figures.set("ageAtFirstIntervention", Ages.of(tally, cases.stream().filter(c -> c.firstInterventionStart() != null)
                .toList(), c -> c.ageOn(c.firstInterventionStart())));
        figures.set("lateSupport", lateSupport(tally, cases, children));
        figures.set("workersPerCase", workers(tally, cases));
        figures.set("collaborationsByPartner", Tally.node(collaborations(tally, cases)));
        figures.set("deadlineBreaches", Breaches.of(tally, cases, today));
        figures.set("placements", Tally.node(placements(tally, cases, children, today)));
        return figures;
    }

    private static Funnel funnel(Tally tally, List<CaseFact> cases, Count concerns) {
        return new Funnel(concerns, cases(tally, cases, CaseFact::protectionAssessedAt),
                cases(tally, cases, CaseFact::initialAssessedAt), cases(tally, cases, CaseFact::investigationOpenedAt),
                cases(tally, cases, CaseFact::investigationConcludedAt), tally.offers(cases, o -> true),
                tally.offers(cases, FactByFactFigures::accepted), tally.offers(cases, o -> "DECLINED".equals(o.answer())),
                tally.offers(cases, o -> o.startedAt() != null), tally.offers(cases, o -> o.endedAt() != null),
                cases(tally, cases, CaseFact::closedAt), tally.cases(cases.stream().filter(c -> c.closedAt() == null)));
    }

    /**
     * Share of closed cases whose child had a new concern within 12 months after the closure, over the
     * cases closed at least 12 months before the data's end; the later closures counted apart.
     */
    private static Share reReferral(Tally tally, List<CaseFact> cases, ChildHistories children) {
        List<CaseFact> closed = cases.stream().filter(c -> c.closedAt() != null).toList();
        List<CaseFact> followed = closed.stream().filter(children::followedForAYear).toList();
        return Share.followed(tally.cases(followed.stream().filter(children::referredAgainWithinAYear)),
                tally.cases(followed.stream()), tally.cases(closed.stream().filter(c -> !children.followedForAYear(c))));
    }

    /**
     * For the children whose first concern ever is among these cases: age then, age at the first
     * intervention ever, the years between, the share with two or more, and how many still wait.
     */
    private static ObjectNode lateSupport(Tally tally, List<CaseFact> cases, ChildHistories children) {
        List<CaseFact> firsts = cases.stream().filter(children::isChildsFirstCase).toList();
        List<CaseFact> helped = firsts.stream().filter(c -> children.firstIntervention(c.child()) != null).toList();
        ObjectNode node = JSON.objectNode();
        node.set("children", Tally.node(tally.cases(firsts.stream())));
        node.set("ageAtFirstConcern", Ages.of(tally, firsts, c -> c.ageOn(c.receivedAt())));
        node.set("ageAtFirstIntervention", Ages.of(tally, helped, c -> c.ageOn(children.firstIntervention(c.child()))));
        node.set("yearsToFirstIntervention", LeadTimes.summary(tally.cases(helped.stream()),
                helped.stream().map(children::yearsToFirstIntervention).toList(), "Years"));
        node.set("shareTwoYearsOrMore", Tally.node(Share.of(tally.cases(helped.stream()
                .filter(c -> children.yearsToFirstIntervention(c) >= 2)), tally.cases(helped.stream()))));
        node.set("stillWaiting", Tally.node(tally.cases(firsts.stream().filter(c -> children.firstIntervention(c.child()) == null
                && children.hasOpenCase(c.child())))));
        return node;
    }

    /**
     * Accepted ÷ answered offers (answered = accepted + declined, so the denominator is never a count of
     * its own). Offers are clustered in cases; the interval is a Wilson interval on the effective
     * sample size answered ÷ design effect (docs/statistics.md, "Offers clustered in cases").
     */
    private static Share acceptance(Tally tally, List<CaseFact> cases) {
        Count accepted = tally.offers(cases, FactByFactFigures::accepted);
        Count declined = tally.offers(cases, o -> "DECLINED".equals(o.answer()));
        return Share.clustered(accepted, Count.sum(accepted, declined), designEffect(cases));
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
        Count n = tally.cases(staffed.stream());
        node.set("n", Tally.node(n));
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
        node.set("mean", Tally.node(Guarded.ratio(counts.isEmpty() ? null : Stats.round(mean), counts.size()).beside(n)));
        node.set("median", Tally.node(LeadTimes.guarded(counts, 0.5).beside(n)));
        return node;
    }

    private static ValueKeyed collaborations(Tally tally, List<CaseFact> cases) {
        Map<String, Count> byPartner = new TreeMap<>();
        cases.forEach(c -> c.collaborations().forEach((partner, n) -> byPartner.merge(partner, tally.weighted(c, n),
                (x, y) -> Count.of(x.n() + y.n(), x.key() + y.key()))));
        return new ValueKeyed(byPartner);
    }

    private static Placements placements(Tally tally, List<CaseFact> cases, ChildHistories children, LocalDate today) {
        List<CaseFact> firsts = cases.stream().filter(children::isChildsFirstCase).toList();
        List<CaseFact> followed = firsts.stream().filter(children::followedFor24Months).toList();
        Share within = Share.followedTwoYears(tally.cases(followed.stream().filter(children::placedWithin24Months)),
                tally.cases(followed.stream()), tally.cases(firsts.stream().filter(c -> !children.followedFor24Months(c))));
        return new Placements(tally.placements(cases, p -> 1), tally.placements(cases, p -> p.compulsory() ? 1 : 0),
                tally.placements(cases, p -> p.endedAt() != null ? Stats.days(p.startedAt(), p.endedAt())
                        : Math.max(0, today.toEpochDay() - Stats.date(p.startedAt()).toEpochDay())), within);
    }

    private static Count cases(Tally tally, List<CaseFact> cases, Function<CaseFact, Instant> step) {
        Predicate<CaseFact> reached = c -> step.apply(c) != null;
        return tally.cases(cases.stream().filter(reached));
    }

}
