package se.tidigt.audit.accesslog;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.gateway.support.TestDatabase;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access log's insert trigger as V181 rewrote it (plain PL/pgSQL, case ids in a loop) hashes every
 * entry exactly as V110 did: the V110 expression evaluated over the stored row gives the same bytes,
 * and so does the Java recomputation, for no case id, one, several (a NULL and a non-ASCII one among
 * them) and NULL district and correlation id. The chain's head is a row of its own, so the trigger
 * never reads the log (whose plan, made once per connection on an empty log, was a scan of it all), and a
 * log written before V181 goes on from its last entry.
 */
class AccessLogChainTriggerTest {
    /** V110's entry hash, as that migration's trigger wrote it, over a stored row. */
    private static final String V110_HASH = "sha256(previous_hash || int8send(position)"
            + " || int8send((extract(epoch FROM read_at) * 1000000)::BIGINT)"
            + " || tidigt_chain_field(convert_to(user_id, 'UTF8')) || tidigt_chain_field(convert_to(role, 'UTF8'))"
            + " || tidigt_chain_field(convert_to(district, 'UTF8')) || tidigt_chain_field(convert_to(endpoint, 'UTF8'))"
            + " || tidigt_chain_field(convert_to(path, 'UTF8')) || int4send(cardinality(case_ids))"
            + " || coalesce((SELECT string_agg(tidigt_chain_field(convert_to(id, 'UTF8')), ''::BYTEA ORDER BY n)"
            + "              FROM unnest(case_ids) WITH ORDINALITY AS ids(id, n)), ''::BYTEA)"
            + " || tidigt_chain_field(convert_to(correlation_id, 'UTF8')))";

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        jdbc = TestDatabase.freshMigrated();
    }

    @Test
    void each_entry_carries_the_hash_v110_gives_for_zero_one_and_several_case_ids_and_null_fields() {
        log("statistician", "STATISTICIAN", null, "GET /api/v1/stats/city", "/api/v1/stats/city", new String[0], null);
        log("hv-handlaggare", "HANDLAGGARE", "hasselby-vallingby", "GET /api/v1/cases/{caseId}", "/api/v1/cases/c-1",
                new String[]{"c-1"}, "corr-1");
        log("hv-admin", "ADMIN", "hässelby-vällingby", "GET /api/v1/cases", "/api/v1/cases?q=Åsa",
                new String[]{"c-1", null, "c-Öberg", ""}, null);
        log("hv-handlaggare", "HANDLAGGARE", "", "GET /api/v1/cases", "/api/v1/cases", new String[]{"c-2", "c-3"}, "");

        List<String> stored = hex("entry_hash");
        assertThat(stored).hasSize(4).doesNotContainNull();
        assertThat(stored).isEqualTo(hex(V110_HASH));
        assertThat(stored).isEqualTo(recomputedInJava());
        assertThat(new AccessLogChain(jdbc).verify().intact()).isTrue();
    }

    @Test
    void the_trigger_reads_the_head_row_not_the_log_even_when_the_log_was_analysed_empty() {
        JdbcTemplate fresh = TestDatabase.freshMigrated();
        fresh.execute("VACUUM ANALYZE access_log");
        // One connection and one transaction: PL/pgSQL's plans live per connection, and
        // pg_stat_xact_user_tables counts this transaction's scans as they happen.
        long[] scans = fresh.execute((ConnectionCallback<long[]>) con -> {
            con.setAutoCommit(false);
            try (var insert = con.prepareStatement("INSERT INTO access_log (user_id, role, endpoint, path) "
                    + "VALUES ('analyst', 'CITY_ANALYST', 'GET /api/v1/stats/city', '/api/v1/stats/city')")) {
                for (int i = 0; i < 50; i++) {
                    insert.executeUpdate();
                }
            }
            try (var counts = con.prepareStatement("SELECT coalesce(seq_scan, 0), coalesce(idx_scan, 0) "
                    + "FROM pg_stat_xact_user_tables WHERE relname = 'access_log'");
                 var rs = counts.executeQuery()) {
                rs.next();
                long[] result = {rs.getLong(1), rs.getLong(2)};
                con.commit();
                return result;
            }
        });
        assertThat(scans).as("scans of access_log by 50 inserts (sequential, index)").containsExactly(0, 0);
        assertThat(fresh.queryForObject("SELECT position FROM access_log_head", Long.class)).isEqualTo(50);
        assertThatThrownBy(() -> fresh.update("DELETE FROM access_log_head")).hasStackTraceContaining("append-only");
        assertThat(new AccessLogChain(fresh).verify().intact()).isTrue();
    }

    @Test
    void a_log_written_before_the_head_existed_goes_on_from_its_last_entry() {
        String url = TestDatabase.freshDatabase();
        String user = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
        String[] locations = {"classpath:db/migration/eventstore", "classpath:db/migration/gateway",
                "classpath:db/migration/query"};
        Flyway.configure().dataSource(url, user, "").locations(locations).target("150").load().migrate();
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
        for (int i = 0; i < 3; i++) {
            old.update("INSERT INTO access_log (user_id, role, endpoint, path) VALUES ('auditor', 'AUDITOR', "
                    + "'GET /api/v1/audit/access-log', '/api/v1/audit/access-log')");
        }

        Flyway.configure().dataSource(url, user, "").locations(locations).outOfOrder(true).load().migrate();
        old.update("INSERT INTO access_log (user_id, role, endpoint, path) VALUES ('auditor', 'AUDITOR', "
                + "'GET /api/v1/audit/access-log', '/api/v1/audit/access-log')");

        assertThat(old.queryForList("SELECT position FROM access_log ORDER BY position", Long.class))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(new AccessLogChain(old).verify().intact()).isTrue();
    }

    private void log(String user, String role, String district, String endpoint, String path, String[] caseIds,
                     String correlationId) {
        jdbc.update(con -> {
            var insert = con.prepareStatement("INSERT INTO access_log (user_id, role, district, endpoint, path, case_ids, "
                    + "correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
            insert.setString(1, user);
            insert.setString(2, role);
            insert.setString(3, district);
            insert.setString(4, endpoint);
            insert.setString(5, path);
            insert.setArray(6, con.createArrayOf("text", caseIds));
            insert.setString(7, correlationId);
            return insert;
        });
    }

    private List<String> hex(String expression) {
        return jdbc.query("SELECT " + expression + " FROM access_log ORDER BY position",
                (rs, n) -> rs.getBytes(1) == null ? null : HexFormat.of().formatHex(rs.getBytes(1)));
    }

    private List<String> recomputedInJava() {
        List<String> hashes = new ArrayList<>();
        byte[][] previous = {VerifyExport.GENESIS};
        jdbc.query("SELECT * FROM access_log ORDER BY position", rs -> {
            previous[0] = AccessLogChain.hash(previous[0], rs);
            hashes.add(HexFormat.of().formatHex(previous[0]));
        });
        return hashes;
    }
}
