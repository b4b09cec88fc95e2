package se.tidigt.audit.chain;

import org.springframework.stereotype.Service;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.audit.verifier.VerifyExport.StoredEvent;
import se.tidigt.audit.verifier.VerifyExport.Verdict;
import se.tidigt.audit.signed.Checkpoints;
import se.tidigt.platform.axon.EventSeals;
import se.tidigt.platform.problem.ApiProblem;

import java.util.Arrays;
import java.util.Optional;

import java.util.HexFormat;
import java.util.List;

/**
 * Any aggregate's stream checked from what the database holds: a case, a district's rollout, a work
 * model, a plan, an open-access tally. Every stream is chained by the same trigger; this recomputes it.
 */
@Service
public class StreamChains {
    private final EventStoreRows rows;
    private final EventSeals seals;
    private final Checkpoints checkpoints;

    StreamChains(EventStoreRows rows, EventSeals seals, Checkpoints checkpoints) {
        this.rows = rows;
        this.seals = seals;
        this.checkpoints = checkpoints;
    }

    /** The answer of {@code /streams/{aggregateId}/verify}: the case verify's shape, for any aggregate. */
    public record Verification(String aggregateId, String aggregateType, boolean intact, int events,
                               Long firstBrokenSequence, String reason, String head) {
    }

    /** The answer of the case's {@code /verify}: intact, or the first sequence that is not genuine and why. */
    public record CaseVerification(String caseId, boolean intact, int events, Long firstBrokenSequence, String reason,
                                   String head) {
    }

    public CaseVerification verifyCase(String caseId) {
        Verdict verdict = check(caseId, rows.ofCase(caseId));
        return new CaseVerification(caseId, verdict.intact(), verdict.events(), verdict.firstBrokenSequence(),
                verdict.reason(), verdict.intact() ? HexFormat.of().formatHex(verdict.recomputedHead()) : null);
    }

    /** 404 when no event of that aggregate is stored. */
    public Verification verify(String aggregateId) {
        List<StoredEvent> events = rows.ofStream(aggregateId);
        if (events.isEmpty() && checkpoints.record().headOf(aggregateId).isEmpty()) {
            throw ApiProblem.notFound("Stream " + aggregateId);
        }
        Verdict verdict = check(aggregateId, events);
        return new Verification(aggregateId, events.isEmpty() ? null : events.get(events.size() - 1).aggregateType(),
                verdict.intact(),
                verdict.events(), verdict.firstBrokenSequence(), verdict.reason(),
                verdict.intact() ? HexFormat.of().formatHex(verdict.recomputedHead()) : null);
    }

    /**
     * The stream's chain recomputed, then every event's seal checked under the deployment's key, then the
     * stream compared with the signed checkpoints; the first event that is not genuine is named. The chain
     * names the likeliest cause of a break; a row the chain cannot fault (inserted with a chain link of its
     * own, rewritten and rechained, or moved in the global order) has no valid seal; a stream cut short or
     * rewritten since a checkpoint no longer holds the head that checkpoint signed.
     */
    Verdict check(String aggregateId, List<StoredEvent> events) {
        Verdict chain = VerifyExport.verifyChain(events);
        if (!chain.intact()) {
            return chain;
        }
        Checkpoints.Record record = checkpoints.record();
        long sealsFrom = rows.sealsStartAfter();
        if (record.sealsFrom() != null && record.sealsFrom() != sealsFrom) {
            return new Verdict(false, events.size(), 0L, "sealing is recorded in the database as starting after global "
                    + "index " + sealsFrom + ", but the signed checkpoints say " + record.sealsFrom() + ": it was moved", null);
        }
        Verdict sealed = VerifyExport.verifySeals(events, seals.key(), sealsFrom);
        if (!sealed.intact()) {
            return sealed;
        }
        Optional<Checkpoints.Recorded> recorded = record.headOf(aggregateId);
        if (recorded.isPresent()) {
            Checkpoints.Recorded head = recorded.get();
            String signed = "checkpoint " + head.checkpoint() + " (signed, taken at " + head.takenAt() + ")";
            if (events.size() <= head.at()) {
                return new Verdict(false, events.size(), (long) events.size(), "events from sequence " + events.size()
                        + " on were removed: " + signed + " recorded the stream up to sequence " + head.at(), null);
            }
            if (!Arrays.equals(events.get((int) head.at()).storedLink(), head.link())) {
                return new Verdict(false, events.size(), head.at(), "the stream was rewritten up to sequence "
                        + head.at() + " after " + signed + ", which recorded another link there", null);
            }
        }
        return chain;
    }

    /** The last global index stored before sealing began. */
    public long sealsStartAfter() {
        return rows.sealsStartAfter();
    }
}
