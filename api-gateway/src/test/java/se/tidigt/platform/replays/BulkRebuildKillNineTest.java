package se.tidigt.platform.replays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApplicationProcess;
import se.tidigt.gateway.support.SharedDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the application in the middle of a bulk rebuild of the statistics ({@link BulkRebuild}):
 * after the restart on the same database the processor goes on from the last page that committed, and the
 * fact tables end exactly as the live projection had them before the rebuild — never a half-built
 * projection shown as done.
 */
class BulkRebuildKillNineTest {
    private static final Duration START = Duration.ofSeconds(120);
    private static final String PROJECTIONS = "/api/v1/admin/projections";

    @Test
    void a_bulk_rebuild_killed_halfway_is_finished_after_the_restart_with_the_live_projections_fact_tables()
            throws Exception {
        SharedDatabase database = SharedDatabase.fresh();
        // Small pages, so the rebuild of a small demo city takes long enough to be killed in the middle.
        ApplicationProcess.Builder instance = database.instance("bulk-rebuild-kill9")
                .env("TIDIGT_DEMO_DATA", "true").env("TIDIGT_DEMO_DATA_CASES_PER_YEAR", "120")
                .property("tidigt.replay.bulk.page-size", "20");
        ApplicationProcess app = instance.start().awaitReady(START);
        try {
            ApplicationProcess loading = app;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                    "DONE".equals(loading.as("admin").get("/api/v1/admin/demo-data").json().path("state").asText()));
            database.awaitStatisticsConverged(app);
            List<List<List<Object>>> live = facts(database);
            assertThat(live.get(0)).as("case facts of the demo city").hasSizeGreaterThan(100);

            assertThat(app.as("admin").post(PROJECTIONS + "/case-statistics/replay", "").status()).isEqualTo(202);
            ApplicationProcess rebuilding = app;
            JsonNode halfway = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> SharedDatabase.projection(rebuilding, "case-statistics"),
                            s -> "bulk".equals(s.at("/replay/mode").asText()) && s.at("/replay/events").asLong() >= 500);
            assertThat(app.kill()).isEqualTo(ApplicationProcess.KILLED);
            assertThat(halfway.at("/replay/state").asText()).as(halfway.toString()).isEqualTo("RUNNING");
            assertThat(halfway.at("/replay/position").asLong()).as("killed before the rebuild reached the head")
                    .isLessThan(halfway.get("head").asLong());

            app = instance.port(app.port()).start().awaitReady(START);
            ApplicationProcess restarted = app;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                JsonNode s = SharedDatabase.projection(restarted, "case-statistics");
                return s.get("lag").asLong() == 0 && database.casesBehind() == 0 && !s.get("replaying").asBoolean();
            });
            assertThat(facts(database)).as("the fact tables after the killed rebuild was finished").isEqualTo(live);
        } finally {
            app.stop();
        }
    }

    /** Every row of every statistics fact table, in a fixed order. */
    private static List<List<List<Object>>> facts(SharedDatabase database) throws SQLException {
        List<List<List<Object>>> tables = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (String query : BulkRebuildApiTest.FACTS) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = connection.createStatement().executeQuery(query)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            row.add(rs.getObject(column));
                        }
                        rows.add(row);
                    }
                }
                tables.add(rows);
            }
        }
        return tables;
    }
}
