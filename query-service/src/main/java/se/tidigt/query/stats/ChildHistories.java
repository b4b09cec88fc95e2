package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every case of every child, linked by pseudonym: what re-referrals and the years from a child's
 * first concern to first intervention (the late support of "Rätt stöd i rätt tid") are read from.
 */
final class ChildHistories {
    private final Map<String, List<CaseFact>> byChild;

    ChildHistories(List<CaseFact> all) {
        this.byChild = all.stream().collect(Collectors.groupingBy(CaseFact::child));
    }

    /** Share of closed cases whose child had a new concern within 12 months after the closure. */
    ObjectNode reReferral(List<CaseFact> cases) {
        List<CaseFact> closed = cases.stream().filter(c -> c.closedAt() != null).toList();
        long back = closed.stream().filter(this::referredAgainWithinAYear).count();
        return Rate.of(back, closed.size());
    }

    private boolean referredAgainWithinAYear(CaseFact closed) {
        Instant limit = closed.closedAt().atZone(Stats.ZONE).plusMonths(12).toInstant();
        return byChild.get(closed.child()).stream().anyMatch(other -> other.receivedAt().isAfter(closed.closedAt())
                && !other.receivedAt().isAfter(limit));
    }

    /**
     * For the children whose first concern ever is among these cases: age then, age at the first
     * intervention ever, and the share whose first intervention came two years or more later.
     */
    ObjectNode lateSupport(List<CaseFact> cases) {
        List<CaseFact> firsts = cases.stream().filter(this::isChildsFirstCase).toList();
        List<Instant[]> withIntervention = firsts.stream()
                .map(first -> new Instant[]{first.receivedAt(), firstIntervention(first.child())})
                .filter(pair -> pair[1] != null).toList();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("children", firsts.size());
        node.set("ageAtFirstConcern", Ages.of(firsts.stream().map(c -> c.ageOn(c.receivedAt())).toList()));
        node.set("ageAtFirstIntervention", Ages.of(firsts.stream().filter(c -> firstIntervention(c.child()) != null)
                .map(c -> c.ageOn(firstIntervention(c.child()))).toList()));
        node.set("yearsToFirstIntervention", LeadTimes.summary(withIntervention.stream()
                .map(pair -> ChronoUnit.YEARS.between(Stats.date(pair[0]), Stats.date(pair[1]))).toList(), "Years"));
        node.set("shareTwoYearsOrMore", Rate.of(withIntervention.stream()
                .filter(pair -> ChronoUnit.YEARS.between(Stats.date(pair[0]), Stats.date(pair[1])) >= 2).count(),
                withIntervention.size()));
        return node;
    }

    private boolean isChildsFirstCase(CaseFact c) {
        return byChild.get(c.child()).stream().min(Comparator.comparing(CaseFact::receivedAt)
                .thenComparing(CaseFact::caseId)).orElseThrow().caseId().equals(c.caseId());
    }

    private Instant firstIntervention(String child) {
        return byChild.get(child).stream().map(CaseFact::firstInterventionStart).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }
}
