package se.tidigt.audit.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;

/** When a case's chain began (its verification is {@link StreamChains#verifyCase}). */
@Service
public class CaseChains {
    private final EventStoreRows rows;
    private final JdbcTemplate jdbc;

    CaseChains(EventStoreRows rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
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
