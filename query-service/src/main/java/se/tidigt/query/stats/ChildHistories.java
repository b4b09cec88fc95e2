package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
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
public final class ChildHistories {
    private final Map<String, List<CaseFact>> byChild;
    private final LocalDate dataEnd;

    /**
     * Without a data end: for what does not depend on today (a case's {@link CaseContribution}); {@link
     * #reReferral} needs one.
     */
    ChildHistories(List<CaseFact> all) {
        this(all, null);
    }

    /** {@code dataEnd}: the last day the data can speak for (today), for right-censoring. */
    public ChildHistories(List<CaseFact> all, LocalDate dataEnd) {
        this(all.stream().collect(Collectors.groupingBy(CaseFact::child)), dataEnd);
    }

    private ChildHistories(Map<String, List<CaseFact>> byChild, LocalDate dataEnd) {
        this.byChild = byChild;
        this.dataEnd = dataEnd;
    }

    /**
     * The same histories with these children's cases as given (none: the child is gone, e.g. erased to
     * a new pseudonym); a new map, so whoever reads this one keeps it as it is.
     */
    ChildHistories withChildren(Map<String, List<CaseFact>> now) {
        Map<String, List<CaseFact>> next = new java.util.HashMap<>(byChild);
        now.forEach((child, cases) -> {
            if (cases.isEmpty()) {
                next.remove(child);
            } else {
                next.put(child, List.copyOf(cases));
            }
        });
        return new ChildHistories(next, dataEnd);
    }

    /** Every case of a child (none if the child has none). */
    List<CaseFact> casesOf(String child) {
        return byChild.getOrDefault(child, List.of());
    }

    /**
     * Share of closed cases whose child had a new concern within 12 months after the closure, over the
     * cases closed at least 12 months before the data's end (a later closure has not had its full year:
     * counting it would understate re-referral). Those are counted apart, as {@code closedTooRecently}.
     */
    ObjectNode reReferral(Tally tally, List<CaseFact> cases) {
        List<CaseFact> closed = cases.stream().filter(c -> c.closedAt() != null).toList();
        List<CaseFact> followed = closed.stream().filter(this::followedForAYear).toList();
        ObjectNode node = Rate.of(tally.cases(followed.stream().filter(this::referredAgainWithinAYear)),
                tally.cases(followed.stream()));
        node.set("closedTooRecently", Tally.node(tally.cases(closed.stream().filter(c -> !followedForAYear(c)))));
        return node;
    }

    /** Whether a closed case has had its full year after closing by the data's end. */
    public boolean followedForAYear(CaseFact closed) {
        return !Stats.date(closed.closedAt()).plusMonths(12).isAfter(dataEnd);
    }

    /** Whether the child of a closed case had a new concern within 12 months after the closure. */
    public boolean referredAgainWithinAYear(CaseFact closed) {
        Instant limit = closed.closedAt().atZone(Stats.ZONE).plusMonths(12).toInstant();
        return byChild.get(closed.child()).stream().anyMatch(other -> other.receivedAt().isAfter(closed.closedAt())
                && !other.receivedAt().isAfter(limit));
    }

    /**
     * For the children whose first concern ever is among these cases: age then, age at the first
     * intervention ever, the share whose first intervention came two years or more later, and how many
     * are still waiting (no intervention yet, a case still open: their time is not known yet).
     */
    ObjectNode lateSupport(Tally tally, List<CaseFact> cases) {
        List<CaseFact> firsts = cases.stream().filter(this::isChildsFirstCase).toList();
        List<CaseFact> helped = firsts.stream().filter(c -> firstIntervention(c.child()) != null).toList();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("children", Tally.node(tally.cases(firsts.stream())));
        node.set("ageAtFirstConcern", Ages.of(tally, firsts, c -> c.ageOn(c.receivedAt())));
        node.set("ageAtFirstIntervention", Ages.of(tally, helped, c -> c.ageOn(firstIntervention(c.child()))));
        node.set("yearsToFirstIntervention", LeadTimes.summary(tally.cases(helped.stream()),
                helped.stream().map(this::yearsToFirstIntervention).toList(), "Years"));
        node.set("shareTwoYearsOrMore", Rate.of(tally.cases(helped.stream().filter(c -> yearsToFirstIntervention(c) >= 2)),
                tally.cases(helped.stream())));
        node.set("stillWaiting", Tally.node(tally.cases(firsts.stream().filter(c -> firstIntervention(c.child()) == null
                && byChild.get(c.child()).stream().anyMatch(other -> other.closedAt() == null)))));
        return node;
    }

    /** Whether 24 months after this concern lie within the data (the concern's day + 24 months ≤ the data's end). */
    public boolean followedFor24Months(CaseFact c) {
        return !Stats.date(c.receivedAt()).plusMonths(24).isAfter(dataEnd);
    }

    /** Whether the child was placed out of home (in any case) at most 24 months after this concern, and not before it. */
    public boolean placedWithin24Months(CaseFact c) {
        Instant limit = c.receivedAt().atZone(Stats.ZONE).plusMonths(24).toInstant();
        return byChild.get(c.child()).stream().map(CaseFact::firstPlacementStart).filter(Objects::nonNull)
                .anyMatch(start -> !start.isBefore(c.receivedAt()) && !start.isAfter(limit));
    }

    /**
     * For the children whose first concern ever is among these cases and lies 24 months or more before the
     * data's end: the share placed out of home within 24 months of it; those followed for less are counted
     * apart, as {@code followedTooShort} (counting them would understate placement).
     */
    ObjectNode placedWithin24Months(Tally tally, List<CaseFact> cases) {
        List<CaseFact> firsts = cases.stream().filter(this::isChildsFirstCase).toList();
        List<CaseFact> followed = firsts.stream().filter(this::followedFor24Months).toList();
        ObjectNode node = Rate.of(tally.cases(followed.stream().filter(this::placedWithin24Months)), tally.cases(followed.stream()));
        node.set("followedTooShort", Tally.node(tally.cases(firsts.stream().filter(c -> !followedFor24Months(c)))));
        return node;
    }

    /** Whether any case of the child is still open (a child without intervention yet is then still waiting). */
    public boolean hasOpenCase(String child) {
        return byChild.get(child).stream().anyMatch(other -> other.closedAt() == null);
    }

    /** Whole years from the child's first concern to the first intervention ever (which must exist). */
    public long yearsToFirstIntervention(CaseFact first) {
        return ChronoUnit.YEARS.between(Stats.date(first.receivedAt()), Stats.date(firstIntervention(first.child())));
    }

    /** Whether this is the child's first case ever (its first concern). */
    public boolean isChildsFirstCase(CaseFact c) {
        return byChild.get(c.child()).stream().min(Comparator.comparing(CaseFact::receivedAt)
                .thenComparing(CaseFact::caseId)).orElseThrow().caseId().equals(c.caseId());
    }

    /** The start of the child's first intervention in any case, or null. */
    public Instant firstIntervention(String child) {
        return byChild.get(child).stream().map(CaseFact::firstInterventionStart).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }
}
