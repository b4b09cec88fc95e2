package se.tidigt.gateway.audit;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Statement;

/** What a database superuser does: SQL with the triggers switched off (session_replication_role = replica). */
final class Tampering {
    private Tampering() {
    }

    static void tamper(JdbcTemplate jdbc, String... statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                try {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                } finally {
                    statement.execute("SET session_replication_role = origin");
                }
            }
            return null;
        });
    }

    /** Recomputes the stored link of every event of the stream from {@code from} on, as a careful forger would. */
    static String rechain(String aggregateId, long from, long to) {
        StringBuilder sql = new StringBuilder();
        for (long sequence = from; sequence <= to; sequence++) {
            sql.append(sequence == 0
                    ? "UPDATE domainevententry e SET chain_hash = tidigt_event_link(tidigt_chain_genesis(), "
                    + "e.aggregateidentifier, e.type, e.sequencenumber, e.eventidentifier, e.payloadtype, e.payloadrevision, "
                    + "e.payload, e.metadata, e.timestamp) WHERE e.aggregateidentifier = '" + aggregateId
                    + "' AND e.sequencenumber = 0;"
                    : "UPDATE domainevententry e SET chain_hash = tidigt_event_link(p.chain_hash, e.aggregateidentifier, "
                    + "e.type, e.sequencenumber, e.eventidentifier, e.payloadtype, e.payloadrevision, e.payload, e.metadata, "
                    + "e.timestamp) FROM domainevententry p WHERE p.aggregateidentifier = e.aggregateidentifier AND "
                    + "p.sequencenumber = e.sequencenumber - 1 AND e.aggregateidentifier = '" + aggregateId
                    + "' AND e.sequencenumber = " + sequence + ";");
        }
        return sql.toString();
    }
}
