package se.tidigt.audit.chain;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.gateway.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insert trigger as V180 rewrote it (plain PL/pgSQL, for speed) links every event exactly as the
 * V2 formula, {@code tidigt_event_link}, does: byte for byte, NULL columns, empty values and non-ASCII
 * text included, on the first event of a stream and on later ones. The offline verifier agrees.
 */
class EventChainTriggerTest {
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        jdbc = TestDatabase.freshMigrated();
    }

    @Test
    void each_event_carries_the_link_the_v2_formula_gives_for_null_empty_and_non_ascii_columns() {
        // Sequence 0: what Axon writes (no revision), metadata NULL.
        append("case-formula", 0, "Case", "se.tidigt.cases.api.ConcernReceived", null, "{\"n\":0}", null);
        // A later event whose type and metadata are NULL, the revision set, text beyond ASCII.
        append("case-formula", 1, null, "se.tidigt.cases.api.Händelse", "2", "{\"namn\":\"Åsa Öberg\"}", null);
        // Empty text and empty bytes, which the formula must tell from NULL.
        append("case-formula", 2, "", "se.tidigt.cases.api.Empty", "", "", "");
        append("case-formula", 3, "Case", "se.tidigt.cases.api.CollaborationRecorded", null, "{\"n\":3}",
                "{\"actorUser\":\"hv-admin\"}");

        List<String> stored = hex("chain_hash");
        assertThat(stored).hasSize(4).doesNotContainNull();
        assertThat(stored).isEqualTo(hex("tidigt_event_link(coalesce(lag(chain_hash) OVER (ORDER BY sequencenumber), "
                + "tidigt_chain_genesis()), aggregateidentifier, type, sequencenumber, eventidentifier, payloadtype, "
                + "payloadrevision, payload, metadata, timestamp)"));
        VerifyExport.Verdict verdict = VerifyExport.verifyChain(new EventStoreRows(jdbc).ofCase("case-formula"));
        assertThat(verdict.intact()).as(verdict.reason()).isTrue();
        assertThat(verdict.events()).isEqualTo(4);
    }

    @Test
    void appending_an_event_calls_no_sql_language_function() throws SQLException {
        // The reason for V180: a SQL function called from the trigger is planned anew in every
        // transaction (tidigt_event_link is never inlined). Counted within the inserting transaction.
        try (Connection connection = jdbc.getDataSource().getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("SET LOCAL track_functions = 'all'");
            sql.execute("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                    + "payloadtype, timestamp) VALUES ('case-counted', 0, 'Case', 'case-counted-0', '\\x7b7d', 'Test', "
                    + "'2026-11-25T13:00:00Z')");
            List<String> called = new ArrayList<>();
            try (ResultSet calls = sql.executeQuery("SELECT p.proname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
                    + "WHERE l.lanname = 'sql' AND pg_stat_get_xact_function_calls(p.oid) > 0")) {
                while (calls.next()) {
                    called.add(calls.getString(1));
                }
            }
            assertThat(called).as("SQL-language functions called by the insert").isEmpty();
            try (ResultSet trigger = sql.executeQuery("SELECT pg_stat_get_xact_function_calls('tidigt_chain_event'::regproc)")) {
                assertThat(trigger.next()).isTrue();
                assertThat(trigger.getLong(1)).as("the chain trigger ran and was counted").isEqualTo(1);
            }
            connection.rollback();
        }
    }

    private void append(String aggregate, long sequence, String type, String payloadType, String revision,
                        String payload, String metadata) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "payloadtype, payloadrevision, payload, metadata, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                aggregate, sequence, type, aggregate + "-" + sequence, payloadType, revision, utf8(payload), utf8(metadata),
                "2026-11-25T13:0" + sequence + ":00.123456Z");
    }

    private List<String> hex(String expression) {
        return jdbc.query("SELECT " + expression + " FROM domainevententry WHERE aggregateidentifier = 'case-formula' "
                + "ORDER BY sequencenumber", (rs, n) -> rs.getBytes(1) == null ? null : HexFormat.of().formatHex(rs.getBytes(1)));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
