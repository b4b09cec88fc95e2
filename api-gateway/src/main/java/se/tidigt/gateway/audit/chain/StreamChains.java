package se.tidigt.gateway.audit.chain;

import org.springframework.jdbc.core.JdbcTemplate;
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
    private final EventSeals seals;
    private final JdbcTemplate jdbc;

    StreamChains(EventStoreRows rows, EventSeals seals, JdbcTemplate jdbc) {
        this.rows = rows;
        this.seals = seals;
        this.jdbc = jdbc;
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

    /**
     * The stream's chain recomputed, then every event's seal checked under the deployment's key; the first
     * event that is not genuine is named. The chain names the likeliest cause of a break; a row the chain
     * cannot fault (inserted with a chain link of its own, rewritten and rechained, or moved in the global
     * order) has no valid seal.
     */
    Verdict check(List<StoredEvent> events) {
        Verdict chain = VerifyExport.verifyChain(events);
        if (!chain.intact()) {
            return chain;
        }
        Verdict sealed = VerifyExport.verifySeals(events, seals.key(), sealsStartAfter());
        return sealed.intact() ? chain : sealed;
    }

    /**
     * The last global index stored before sealing began (events up to it carry no seal). A removed row means
     * no exemption: every event must then carry its seal.
     */
    public long sealsStartAfter() {
        return jdbc.query("SELECT last_global_index FROM event_seal_start", (rs, n) -> rs.getLong(1)).stream()
                .findFirst().orElse(-1L);
    }
}
