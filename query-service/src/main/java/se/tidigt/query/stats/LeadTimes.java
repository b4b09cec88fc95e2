package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Days from the concern to each step: count, median and 90th percentile (nearest rank). */
final class LeadTimes {
    private LeadTimes() {
    }

    static ObjectNode of(List<CaseFact> cases) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("concernToInitialAssessment", distribution(cases, CaseFact::initialAssessedAt));
        node.set("concernToFirstOffer", distribution(cases, CaseFact::firstOffer));
        node.set("concernToInterventionStart", distribution(cases, CaseFact::firstInterventionStart));
        return node;
    }

    /** Investigation length (opened → concluded) and the share concluded after the (extended) due date. */
    static ObjectNode investigations(List<CaseFact> cases) {
        List<CaseFact> concluded = cases.stream().filter(c -> c.investigationConcludedAt() != null).toList();
        ObjectNode node = summary(concluded.stream()
                .map(c -> Stats.days(c.investigationOpenedAt(), c.investigationConcludedAt())).toList());
        node.set("overDue", Rate.of(concluded.stream()
                .filter(c -> Stats.date(c.investigationConcludedAt()).isAfter(c.investigationDue())).count(), concluded.size()));
        return node;
    }

    private static ObjectNode distribution(List<CaseFact> cases, Function<CaseFact, Instant> step) {
        return summary(cases.stream().filter(c -> step.apply(c) != null)
                .map(c -> Stats.days(c.receivedAt(), step.apply(c))).filter(Objects::nonNull).toList());
    }

    static ObjectNode summary(List<Long> days) {
        return summary(days, "Days");
    }

    /** n, median and 90th percentile of durations in a unit ("Days", "Years"). */
    static ObjectNode summary(List<Long> durations, String unit) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("n", durations.size());
        node.put("median" + unit, Stats.percentile(durations, 0.5));
        node.put("p90" + unit, Stats.percentile(durations, 0.9));
        return node;
    }
}
