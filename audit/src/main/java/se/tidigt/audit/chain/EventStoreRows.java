package se.tidigt.audit.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import se.tidigt.audit.verifier.VerifyExport.StoredEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event store's rows exactly as stored, bytes and all: what the chain covers and what auditors
 * see. Reads the table itself, never a projection, so nothing derived can hide an alteration.
 */
@Repository
public class EventStoreRows {
    /** Axon stores the aggregate's simple class name as the stream's type. */
    static final String CASE_TYPE = "Case";
    private static final String COLUMNS = "aggregateidentifier, type, sequencenumber, eventidentifier, payloadtype, "
            + "payloadrevision, payload, metadata, timestamp, chain_hash, globalindex, seal";

    private final JdbcTemplate jdbc;

    EventStoreRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isCase(String caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND type = ?)", Boolean.class, caseId, CASE_TYPE));
    }

    /** Every row of the stream, in sequence order (whatever its type column says, so a changed type shows). */
    public List<StoredEvent> ofCase(String caseId) {
        return ofStream(caseId);
    }

    /** Every row of any aggregate's stream (a case, a district's rollout, a work model, a plan, a tally). */
    public List<StoredEvent> ofStream(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", ROW, aggregateId);
    }

    public List<StoredEvent> pageOfCase(String caseId, int page, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber LIMIT ? OFFSET ?", ROW, caseId, size, (long) page * size);
    }

    public long countOfCase(String caseId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, caseId);
        return n == null ? 0 : n;
    }

    /** The global index of the case's first event, to tell whether the migration chained it after the fact. */
    public Long firstGlobalIndexOf(String caseId) {
        return jdbc.query("SELECT min(globalindex) FROM domainevententry WHERE aggregateidentifier = ?",
                (rs, n) -> (Long) rs.getObject(1), caseId).stream().findFirst().orElse(null);
    }

    /**
     * Every case's events recorded before {@code end}, stream by stream (case id order, then sequence),
     * streamed so that a city's whole history never sits in memory at once.
     */
    public void casesRecordedBefore(Instant end, Consumer<StoredEvent> each) {
        recordedBefore(end, true, each);
    }

    /** As {@link #casesRecordedBefore}, for every stream whatever its aggregate's type. */
    public void streamsRecordedBefore(Instant end, Consumer<StoredEvent> each) {
        recordedBefore(end, false, each);
    }

    private void recordedBefore(Instant end, boolean casesOnly, Consumer<StoredEvent> each) {
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM domainevententry WHERE "
                    + (casesOnly ? "type = ? AND " : "") + "CAST(timestamp AS timestamptz) < ? "
                    + "ORDER BY aggregateidentifier COLLATE \"C\", sequencenumber");
            int at = 1;
            if (casesOnly) {
                statement.setString(at++, CASE_TYPE);
            }
            statement.setTimestamp(at, Timestamp.from(end));
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            each.accept(ROW.mapRow(rs, 0));
        });
    }

    /**
     * The last global index stored before sealing began (events up to it carry no seal). A removed row means
     * no exemption: every event must then carry its seal.
     */
    public long sealsStartAfter() {
        return jdbc.query("SELECT last_global_index FROM event_seal_start", (rs, n) -> rs.getLong(1)).stream()
                .findFirst().orElse(-1L);
    }

    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(rs.getString("aggregateidentifier"),
            rs.getString("type"), rs.getLong("sequencenumber"), rs.getString("eventidentifier"),
            rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getBytes("payload"),
            rs.getBytes("metadata"), rs.getString("timestamp"), rs.getBytes("chain_hash"), rs.getLong("globalindex"),
            rs.getBytes("seal"));
}
