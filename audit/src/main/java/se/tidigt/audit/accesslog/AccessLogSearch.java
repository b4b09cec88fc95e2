package se.tidigt.audit.accesslog;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The auditors' regular log review: who read which case data, when, through which endpoint; newest first. */
@Service
public class AccessLogSearch {
    private final NamedParameterJdbcTemplate jdbc;

    AccessLogSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Any filter may be null; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String caseId, String user, Instant from, Instant to) {
    }

    public record Page(int page, int size, long total, List<AccessLogEntry> entries) {
    }

    public Page search(Filter filter, int page, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("caseIds", filter.caseId() == null ? null : new String[]{filter.caseId()})
                .addValue("user", filter.user())
                .addValue("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .addValue("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .addValue("limit", size).addValue("offset", (long) page * size);
        String where = " WHERE (CAST(:caseIds AS text[]) IS NULL OR case_ids @> CAST(:caseIds AS text[])) "
                + "AND (CAST(:user AS varchar) IS NULL OR user_id = :user) "
                + "AND (CAST(:from AS timestamptz) IS NULL OR read_at >= :from) "
                + "AND (CAST(:to AS timestamptz) IS NULL OR read_at < :to)";
        Long total = jdbc.queryForObject("SELECT count(*) FROM access_log" + where, p, Long.class);
        List<AccessLogEntry> entries = jdbc.query("SELECT * FROM access_log" + where
                + " ORDER BY position DESC LIMIT :limit OFFSET :offset", p, ENTRY);
        return new Page(page, size, total == null ? 0 : total, entries);
    }

    static final RowMapper<AccessLogEntry> ENTRY = (rs, n) -> new AccessLogEntry(rs.getLong("position"),
            rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getString("user_id"), rs.getString("role"),
            rs.getString("district"), rs.getString("endpoint"), rs.getString("path"),
            Arrays.asList((String[]) rs.getArray("case_ids").getArray()), rs.getString("correlation_id"),
            HexFormat.of().formatHex(rs.getBytes("entry_hash")));
}
