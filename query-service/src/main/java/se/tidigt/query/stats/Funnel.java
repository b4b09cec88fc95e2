package se.tidigt.query.stats;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The funnel of a group: cases reaching each step and offers by what became of them. Its consistency rules
 * (every case step within the concerns, each step within the one before, offers at least accepted plus
 * declined) belong to the type, so they hold whatever the steps are called.
 */
record Funnel(Count concerns, Count protectionAssessments, Count initialAssessments, Count investigationsOpened,
              Count investigationsConcluded, Count offers, Count accepted, Count declined, Count interventionsStarted,
              Count interventionsEnded, Count casesClosed, Count casesOpen) implements Figure {

    /** Parts within their totals after rounding (docs/statistics.md, "Totals and parts agree"). */
    void rules(Publication publication) {
        for (Count step : new Count[]{protectionAssessments, initialAssessments, investigationsOpened, casesClosed, casesOpen}) {
            publication.partOf(step, concerns);
        }
        publication.partOf(investigationsConcluded, investigationsOpened);
        publication.partOf(interventionsStarted, accepted);
        publication.partOf(interventionsEnded, interventionsStarted);
        publication.totalOf(offers, accepted, declined);
    }

    /** The steps in their order, named as the record's components are. */
    @Override
    public Map<String, Count> counts() {
        Map<String, Count> counts = new LinkedHashMap<>();
        for (RecordComponent step : Funnel.class.getRecordComponents()) {
            try {
                counts.put(step.getName(), (Count) step.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    @Override
    public Funnel plus(Figure other) {
        Funnel b = (Funnel) other;
        return new Funnel(concerns.plus(b.concerns), protectionAssessments.plus(b.protectionAssessments),
                initialAssessments.plus(b.initialAssessments), investigationsOpened.plus(b.investigationsOpened),
                investigationsConcluded.plus(b.investigationsConcluded), offers.plus(b.offers), accepted.plus(b.accepted),
                declined.plus(b.declined), interventionsStarted.plus(b.interventionsStarted),
                interventionsEnded.plus(b.interventionsEnded), casesClosed.plus(b.casesClosed), casesOpen.plus(b.casesOpen));
    }
}
