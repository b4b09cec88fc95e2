package se.tidigt.gateway.audit.chain;

import org.springframework.stereotype.Service;
import se.tidigt.gateway.audit.offline.VerifyExport;
import se.tidigt.gateway.audit.offline.VerifyExport.StoredEvent;
import se.tidigt.gateway.audit.offline.VerifyExport.Verdict;
import se.tidigt.gateway.problem.ApiProblem;

import java.util.HexFormat;
import java.util.List;

/**
 * Any aggregate's stream checked from what the database holds: a case, a district's rollout, a work
 * model, a plan, an open-access tally. Every stream is chained by the same trigger; this recomputes it.
 */
@Service
public class StreamChains {
    private final EventStoreRows rows;

    StreamChains(EventStoreRows rows) {
        this.rows = rows;
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
        Verdict verdict = check(rows.ofCase(caseId));
        return new CaseVerification(caseId, verdict.intact(), verdict.events(), verdict.firstBrokenSequence(),
                verdict.reason(), verdict.intact() ? HexFormat.of().formatHex(verdict.recomputedHead()) : null);
    }

    /** 404 when no event of that aggregate is stored. */
    public Verification verify(String aggregateId) {
        List<StoredEvent> events = rows.ofStream(aggregateId);
        if (events.isEmpty()) {
            throw ApiProblem.notFound("Stream " + aggregateId);
        }
        Verdict verdict = check(events);
        return new Verification(aggregateId, events.get(events.size() - 1).aggregateType(), verdict.intact(),
                verdict.events(), verdict.firstBrokenSequence(), verdict.reason(),
                verdict.intact() ? HexFormat.of().formatHex(verdict.recomputedHead()) : null);
    }

    /** The stream's chain, recomputed; the first event that is not genuine is named. */
    Verdict check(List<StoredEvent> events) {
        return VerifyExport.verifyChain(events);
    }
}
