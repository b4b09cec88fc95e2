package se.tidigt.audit.accesslog;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The INSERT into {@code access_log}: position, time and hashes are the chain trigger's (V110), so
 * an entry here is only what the reader did. Runs in the caller's transaction.
 */
final class AccessLogWriter {
    /** One read, as the application knows it before the trigger chains it. */
    record Entry(String userId, String role, String district, String endpoint, String path, Object[] caseIds,
                 String correlationId) {
    }

    private static final String INSERT = "INSERT INTO access_log (user_id, role, district, endpoint, path, case_ids, "
            + "correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    AccessLogWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the entries in list order, as one JDBC batch (one round trip): the trigger runs per row
     * in that order, so each entry chains to the one before it as if appended one by one.
     */
    void insert(List<Entry> entries) {
        jdbc.execute((Connection con) -> {
            try (PreparedStatement insert = con.prepareStatement(INSERT)) {
                for (Entry e : entries) {
                    bind(con, insert, e);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static void bind(Connection con, PreparedStatement insert, Entry e) throws SQLException {
        insert.setString(1, e.userId());
        insert.setString(2, e.role());
        insert.setString(3, e.district());
        insert.setString(4, e.endpoint());
        insert.setString(5, e.path());
        insert.setArray(6, con.createArrayOf("text", e.caseIds()));
        insert.setString(7, e.correlationId());
    }
}
