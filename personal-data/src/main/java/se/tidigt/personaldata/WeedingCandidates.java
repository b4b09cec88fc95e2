package se.tidigt.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The case files due for weeding: from the case view (the last entry's business time) and the case's
 * first event (whether the child's file is kept for research); files already erased are not listed.
 */
@Repository
class WeedingCandidates {
    private final JdbcTemplate jdbc;

    WeedingCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Candidate(String caseId, Instant lastEntry, boolean keptForResearch) {
    }

    List<Candidate> lastEntryBefore(Instant cutoff) {
        return jdbc.query("""
                        SELECT v.case_id, last_entry,
                               coalesce((SELECT (convert_from(e.payload, 'UTF8')::jsonb -> 'child' ->> 'keptForResearch')::boolean
                                         FROM domainevententry e
                                         WHERE e.aggregateidentifier = v.case_id AND e.sequencenumber = 0), false) AS research
                        FROM case_view v,
                             LATERAL (SELECT coalesce((v.document ->> 'lastOccurredAt')::timestamptz, v.received_at) AS last_entry) l
                        WHERE last_entry < ?
                          AND NOT EXISTS (SELECT 1 FROM case_key k WHERE k.case_id = v.case_id AND k.erased_at IS NOT NULL)
                        ORDER BY last_entry, v.case_id""",
                (rs, row) -> new Candidate(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)),
                Timestamp.from(cutoff));
    }
}
