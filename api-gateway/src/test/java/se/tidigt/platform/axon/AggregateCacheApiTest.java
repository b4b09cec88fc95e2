package se.tidigt.platform.axon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Cases are cached between commands. The cache must never let a write build on events the
 * store does not hold: not on another instance's write it has not seen (the unique key on
 * (aggregateIdentifier, sequenceNumber) makes that a 409 and evicts the entry), and not on a write of
 * its own whose transaction failed after the command had succeeded.
 */
class AggregateCacheApiTest extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @AfterEach
    void removeCommitFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_cache_commit_fault ON domainevententry");
    }

    @Test
    void a_write_behind_the_cache_s_back_is_decided_again_on_the_stored_stream_not_lost_or_refused() {
        try (ConfigurableApplicationContext other = secondInstance()) {
            Api there = Api.at(((WebServerApplicationContext) other).getWebServer().getPort(), "hv-admin");
            String caseId = raise();
            assertThat(collaborate(hv(), caseId).json().get("version").asLong()).isEqualTo(2);     // cached here at 2
            assertThat(collaborate(there, caseId).json().get("version").asLong()).isEqualTo(3);   // the other instance

            Api.Response behind = collaborate(hv(), caseId);
            assertThat(behind.status()).as("a stale cache entry is no reason to refuse: " + behind).isEqualTo(200);
            assertThat(behind.json().get("version").asLong()).isEqualTo(4);

            assertThat(collaborate(there, caseId).json().get("version").asLong()).isEqualTo(5);
            Api.Response current = collaborate(hv().with("If-Match", "\"5\""), caseId);
            assertThat(current.status()).as("If-Match names the stored version: " + current).isEqualTo(200);
            assertThat(current.json().get("version").asLong()).isEqualTo(6);

            Api.Response stale = collaborate(there.with("If-Match", "\"5\""), caseId);
            assertThat(stale.status()).as("a truly stale If-Match stays a 412: " + stale).isEqualTo(412);

            assertContiguous(caseId, 6);
            assertThat(hv().get("/api/v1/cases/" + caseId).json().get("collaborations")).hasSize(5);
        }
    }

    @Test
    void a_write_whose_commit_failed_leaves_nothing_of_itself_in_the_cache() {
        String caseId = raise();
        assertThat(collaborate(hv(), caseId).status()).isEqualTo(200);
        jdbc.execute("CREATE OR REPLACE FUNCTION test_cache_commit_fault() RETURNS trigger AS $$ BEGIN "
                + "RAISE EXCEPTION 'commit made to fail'; END $$ LANGUAGE plpgsql");
        jdbc.execute("CREATE CONSTRAINT TRIGGER test_cache_commit_fault AFTER INSERT ON domainevententry "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_cache_commit_fault()");

        assertThat(collaborate(hv(), caseId).status()).as("the command succeeded, the commit failed").isEqualTo(503);
        removeCommitFault();

        Api.Response next = collaborate(hv(), caseId);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("version").asLong()).as("built on what was stored, not on the failed write").isEqualTo(3);
        assertContiguous(caseId, 3);
        assertThat(hv().get("/api/v1/cases/" + caseId).json().get("collaborations")).hasSize(2);
    }

    private String raise() {
        return hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(5))).json().get("caseId").asText();
    }

    private static Api.Response collaborate(Api api, String caseId) {
        return api.post("/api/v1/cases/" + caseId + "/collaborations",
                Map.of("partner", "SCHOOL", "kind", "MEETING", "occurredAt", daysAgo(1).toString()));
    }

    private void assertContiguous(String caseId, long events) {
        List<Long> sequence = jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, caseId);
        assertThat(sequence).as("no gap, nothing twice").containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
    }

    /** A second instance of the application on the same database, as in a deployment of several. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(TidigtApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + databaseUser,
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=", "--tidigt.demo-users=true",
                "--tidigt.demo-data=false", "--logging.level.root=warn");
    }
}
