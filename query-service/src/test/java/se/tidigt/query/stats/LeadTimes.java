package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Days from the concern to each step, counted case by case: count, median and 90th percentile (nearest rank), and how many
 * cases are still open without having reached the step (their time is not known yet: right-censored).
 */
final class LeadTimes {
    private LeadTimes() {
    }

    static ObjectNode of(Tally tally, List<CaseFact> cases) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("concernToInitialAssessment", distribution(tally, cases, CaseFact::initialAssessedAt));
        node.set("concernToFirstOffer", distribution(tally, cases, CaseFact::firstOffer));
        node.set("concernToInterventionStart", distribution(tally, cases, CaseFact::firstInterventionStart));
        return node;
    }

    /** Investigation length (opened → concluded) and the share concluded after the (extended) due date. */
    static ObjectNode investigations(Tally tally, List<CaseFact> cases) {
        List<CaseFact> concluded = cases.stream().filter(c -> c.investigationConcludedAt() != null).toList();
        ObjectNode node = summary(tally.cases(concluded.stream()), concluded.stream()
                .map(c -> Stats.days(c.investigationOpenedAt(), c.investigationConcludedAt())).toList(), "Days");
        node.set("stillOpen", Tally.node(tally.cases(cases.stream()
                .filter(c -> c.investigationOpenedAt() != null && c.investigationConcludedAt() == null && c.closedAt() == null))));
        node.set("overDue", Tally.node(Share.of(tally.cases(concluded.stream()
                .filter(c -> Stats.date(c.investigationConcludedAt()).isAfter(c.investigationDue()))), tally.cases(concluded.stream()))));
        return node;
    }

    private static ObjectNode distribution(Tally tally, List<CaseFact> cases, Function<CaseFact, Instant> step) {
        List<CaseFact> reached = cases.stream().filter(c -> step.apply(c) != null).toList();
        ObjectNode node = summary(tally.cases(reached.stream()),
                reached.stream().map(c -> Stats.days(c.receivedAt(), step.apply(c))).toList(), "Days");
        node.set("stillOpen", Tally.node(tally.cases(cases.stream().filter(c -> step.apply(c) == null && c.closedAt() == null))));
        return node;
    }

    /** n, median and 90th percentile of durations in a unit ("Days", "Years"), each with its support. */
    static ObjectNode summary(Count n, List<Long> durations, String unit) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("n", Tally.node(n));
        node.set("median" + unit, Tally.node(guarded(durations, 0.5).beside(n)));
        node.set("p90" + unit, Tally.node(guarded(durations, 0.9).beside(n)));
        return node;
    }

    /** A nearest-rank percentile and how many values lie at or below it and at or above it (the smaller). */
    static Guarded guarded(List<? extends Number> values, double q) {
        Double value = Stats.percentile(values, q);
        if (value == null) {
            return Guarded.none();
        }
        long below = values.stream().filter(v -> v.doubleValue() <= value).count();
        long above = values.stream().filter(v -> v.doubleValue() >= value).count();
        java.util.TreeMap<Long, Count> histogram = new java.util.TreeMap<>();
        values.forEach(v -> histogram.merge(v.longValue(), Count.of(1, 0), (x, y) -> Count.of(x.n() + y.n(), 0)));
        long rank = Math.max(1, (int) Math.ceil(q * values.size()));
        return new Guarded(value, Math.min(below, above), values.size(), Publication.smoothed(histogram, rank, values.size()), null);
    }
}
