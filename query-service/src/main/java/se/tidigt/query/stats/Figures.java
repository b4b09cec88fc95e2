package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every figure of one group of cases, as docs/statistics.md defines them. Cases are grouped by
 * their concern (cohort): a case's steps count for the district, model and month of its concern.
 */
final class Figures {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Figures() {
    }

    static ObjectNode of(List<CaseFact> cases, ChildHistories children, LocalDate today) {
        ObjectNode figures = JSON.objectNode();
        figures.set("funnel", funnel(cases));
        figures.set("acceptanceRate", acceptance(cases));
        figures.set("investigationToIntervention", Rate.of(
                cases.stream().filter(c -> c.investigationConcludedAt() != null && c.firstInterventionStart() != null).count(),
                cases.stream().filter(c -> c.investigationConcludedAt() != null).count()));
        figures.set("concernToInvestigation", Rate.of(
                cases.stream().filter(c -> c.investigationOpenedAt() != null).count(), cases.size()));
        figures.set("initialAssessmentWithin14Days", Rate.of(cases.stream().filter(c -> c.initialAssessedAt() != null
                && Stats.days(c.receivedAt(), c.initialAssessedAt()) <= 14).count(),
                cases.stream().filter(c -> c.initialAssessedAt() != null).count()));
        figures.set("leadTimes", LeadTimes.of(cases));
        figures.set("investigationLength", LeadTimes.investigations(cases));
        figures.set("reReferral", children.reReferral(cases));
        figures.set("ageAtConcern", Ages.of(cases.stream().map(c -> c.ageOn(c.receivedAt())).toList()));
        figures.set("ageAtFirstIntervention", Ages.of(cases.stream().filter(c -> c.firstInterventionStart() != null)
                .map(c -> c.ageOn(c.firstInterventionStart())).toList()));
        figures.set("lateSupport", children.lateSupport(cases));
        figures.set("workersPerCase", workers(cases));
        figures.set("collaborationsByPartner", collaborations(cases));
        figures.set("deadlineBreaches", Breaches.of(cases, today));
        return figures;
    }

    private static ObjectNode funnel(List<CaseFact> cases) {
        ObjectNode funnel = JSON.objectNode();
        funnel.put("concerns", cases.size());
        funnel.put("protectionAssessments", count(cases, CaseFact::protectionAssessedAt));
        funnel.put("initialAssessments", count(cases, CaseFact::initialAssessedAt));
        funnel.put("investigationsOpened", count(cases, CaseFact::investigationOpenedAt));
        funnel.put("investigationsConcluded", count(cases, CaseFact::investigationConcludedAt));
        funnel.put("offers", offers(cases).count());
        funnel.put("accepted", offers(cases).filter(o -> "ACCEPTED".equals(o.answer())).count());
        funnel.put("declined", offers(cases).filter(o -> "DECLINED".equals(o.answer())).count());
        funnel.put("interventionsStarted", offers(cases).filter(o -> o.startedAt() != null).count());
        funnel.put("interventionsEnded", offers(cases).filter(o -> o.endedAt() != null).count());
        funnel.put("casesClosed", count(cases, CaseFact::closedAt));
        return funnel;
    }

    /** Accepted ÷ answered offers, with a 95 % Wilson interval. */
    private static ObjectNode acceptance(List<CaseFact> cases) {
        long accepted = offers(cases).filter(o -> "ACCEPTED".equals(o.answer())).count();
        long answered = offers(cases).filter(o -> o.answer() != null).count();
        return Rate.withInterval(accepted, answered);
    }

    private static ObjectNode workers(List<CaseFact> cases) {
        List<Integer> counts = cases.stream().map(CaseFact::workers).filter(n -> n > 0).toList();
        ObjectNode node = JSON.objectNode();
        node.put("n", counts.size());
        node.put("mean", counts.isEmpty() ? null : Stats.round(counts.stream().mapToInt(Integer::intValue).average().orElse(0)));
        node.put("median", Stats.percentile(counts, 0.5));
        return node;
    }

    private static ObjectNode collaborations(List<CaseFact> cases) {
        Map<String, Integer> byPartner = new TreeMap<>();
        cases.forEach(c -> c.collaborations().forEach((partner, n) -> byPartner.merge(partner, n, Integer::sum)));
        ObjectNode node = JSON.objectNode();
        byPartner.forEach(node::put);
        return node;
    }

    private static long count(List<CaseFact> cases, java.util.function.Function<CaseFact, ?> step) {
        return cases.stream().map(step).filter(Objects::nonNull).count();
    }

    private static java.util.stream.Stream<CaseFact.OfferFact> offers(List<CaseFact> cases) {
        return cases.stream().flatMap(c -> c.offers().stream());
    }
}
