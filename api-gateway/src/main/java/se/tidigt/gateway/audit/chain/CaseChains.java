package se.tidigt.gateway.audit.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import se.tidigt.gateway.audit.offline.VerifyExport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** A case's hash chain recomputed from what the database holds, and when chaining began. */
@Service
public class CaseChains {
    private final EventStoreRows rows;
    private final JdbcTemplate jdbc;

    CaseChains(EventStoreRows rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /** The answer of {@code /verify}: intact, or the first sequence that is not genuine and why. */
    public record Verification(String caseId, boolean intact, int events, Long firstBrokenSequence, String reason,
                               String head) {
    }

    public Verification verify(String caseId) {
        VerifyExport.Verdict verdict = VerifyExport.verifyChain(rows.ofCase(caseId));
        return new Verification(caseId, verdict.intact(), verdict.events(), verdict.firstBrokenSequence(),
                verdict.reason(), verdict.intact() ? HexFormat.of().formatHex(verdict.recomputedHead()) : null);
    }

    /**
     * What the history says about the chain's start: events stored before the chain existed were
     * chained by the migration that introduced it, at {@code startedAt}, not when they were appended.
     */
    public record ChainStart(Instant startedAt, boolean chainedAfterTheFact, String note) {
    }

    public ChainStart startFor(String caseId) {
        return jdbc.query("SELECT started_at, last_global_index FROM event_chain_start", rs -> {
            rs.next();
            Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
            long lastBefore = rs.getLong("last_global_index");
            Long first = rows.firstGlobalIndexOf(caseId);
            boolean before = first != null && first <= lastBefore;
            return new ChainStart(started, before, before
                    ? "chain started at " + started + ": this case's events stored before then were chained by the "
                    + "migration that introduced the chain, not when they were appended"
                    : "chain started at " + started + "; every event of this case was chained when it was appended");
        });
    }
}
