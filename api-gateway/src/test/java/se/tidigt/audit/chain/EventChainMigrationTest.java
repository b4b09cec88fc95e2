package se.tidigt.audit.chain;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.gateway.support.TestDatabase;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that already holds events when the chain is introduced: the migration chains them in
 * stream order and says when; events appended afterwards are chained by the insert trigger.
 */
class EventChainMigrationTest {
    private static final String[] LOCATIONS = {"classpath:db/migration/eventstore", "classpath:db/migration/gateway",
            "classpath:db/migration/query"};

    @Test
    void events_stored_before_the_chain_existed_are_chained_by_its_migration_and_later_ones_when_appended() {
        String url = TestDatabase.freshDatabase();
        String user = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
        Flyway.configure().dataSource(url, user, "").locations(LOCATIONS).target("1").load().migrate();
        DriverManagerDataSource database = new DriverManagerDataSource(url, user, "");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (int sequence = 0; sequence < 3; sequence++) {
            append(jdbc, "old-case", sequence);
        }
        append(jdbc, "old-rollout", 0);

        Flyway.configure().dataSource(url, user, "").locations(LOCATIONS).outOfOrder(true).load().migrate();

        EventStoreRows rows = new EventStoreRows(jdbc);
        VerifyExport.Verdict migrated = VerifyExport.verifyChain(rows.ofCase("old-case"));
        assertThat(migrated.intact()).isTrue();
        assertThat(migrated.events()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT events_chained_by_migration FROM event_chain_start", Long.class)).isEqualTo(4);
        CaseChains chains = new CaseChains(rows, jdbc);
        assertThat(chains.startFor("old-case").chainedAfterTheFact()).isTrue();
        assertThat(chains.startFor("old-case").note()).contains("chained by the migration");

        append(jdbc, "old-case", 3);
        append(jdbc, "new-case", 0);

        VerifyExport.Verdict appended = VerifyExport.verifyChain(rows.ofCase("old-case"));
        assertThat(appended.intact()).isTrue();
        assertThat(appended.events()).isEqualTo(4);
        assertThat(VerifyExport.verifyChain(rows.ofCase("new-case")).intact()).isTrue();
        assertThat(chains.startFor("new-case").chainedAfterTheFact()).isFalse();
        // The trigger, not the writer, decides the link: a supplied one is overwritten.
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                + "payloadtype, timestamp, chain_hash) VALUES ('new-case', 1, 'Case', 'e-forged', ?, 'Test', "
                + "'2022-01-02T00:00:00Z', ?)", "{}".getBytes(StandardCharsets.UTF_8), new byte[32]);
        assertThat(VerifyExport.verifyChain(rows.ofCase("new-case")).intact()).isTrue();
    }

    private static void append(JdbcTemplate jdbc, String aggregate, int sequence) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                        + "payload, payloadtype, timestamp) VALUES (?, ?, 'Case', ?, ?, ?, 'se.tidigt.cases.api.Test', ?)",
                aggregate, sequence, aggregate + "-" + sequence, "{\"actorUser\":\"hv-admin\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"caseId\":\"" + aggregate + "\",\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8),
                "2022-01-0" + (sequence + 1) + "T10:00:00.123Z");
    }
}
