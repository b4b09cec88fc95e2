package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A database that application processes ({@link ApplicationProcess}) run on, seen from the test: a
 * fresh one on {@code TIDIGT_TEST_DATABASE_URL}'s server or the tests' embedded PostgreSQL
 * ({@link TestDatabase#freshDatabase()}), or the embedded default's own. What the test reads in it:
 * the stored events, and whether the statistics projection stands at them.
 */
public final class SharedDatabase {
    private static final String SERVER_USER = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");

    private final String url;
    private final String user;

    private SharedDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** A fresh, empty database, as a configured (server) deployment would have. */
    public static SharedDatabase fresh() {
        return new SharedDatabase(TestDatabase.freshDatabase(), SERVER_USER);
    }

    /** The embedded default's own PostgreSQL (user postgres, trust). */
    public static SharedDatabase embeddedAt(int port) {
        return new SharedDatabase("jdbc:postgresql://localhost:" + port + "/postgres", "postgres");
    }

    /** An application process configured for this database, with demo users (HTTP Basic on loopback). */
    public ApplicationProcess.Builder instance(String name) {
        return ApplicationProcess.named(name)
                .env("SPRING_DATASOURCE_URL", url)
                .env("SPRING_DATASOURCE_USERNAME", user)
                .env("SPRING_DATASOURCE_PASSWORD", "")
                // A shared server allows 100 connections in all.
                .env("TIDIGT_DB_POOL_SIZE", "8")
                .env("TIDIGT_PSEUDONYM_KEY", "process-test-pseudonym-key")
                .env("TIDIGT_KEY_ENCRYPTION_KEY", "dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=")
                .env("TIDIGT_DEMO_USERS", "true")
                .env("TIDIGT_DEMO_DATA", "false");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Case id → events stored for it (its version). */
    public Map<String, Long> storedVersions(String[] caseIds) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT aggregateidentifier, max(sequencenumber) + 1"
                     + " FROM domainevententry WHERE aggregateidentifier = ANY (?) GROUP BY aggregateidentifier")) {
            query.setArray(1, connection.createArrayOf("varchar", caseIds));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return versions;
    }

    /**
     * A statistics answer computed at the facts' current position (its {@code Statistics-Position} header):
     * asked again (60 s at most) while the instance still serves the answer it prepared at an earlier one.
     */
    public String currentStatistics(Api reader, String path) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Api.Response answer = reader.get(path);
        while (!Long.toString(statisticsPosition()).equals(answer.header("Statistics-Position"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            answer = reader.get(path);
        }
        return answer.body();
    }

    private long statisticsPosition() throws SQLException {
        try (Connection connection = connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT version FROM statistics_position")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Cases whose statistics fact is missing or not at the case's last stored event. */
    public long casesBehind() throws SQLException {
        try (Connection connection = connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM (SELECT aggregateidentifier,"
                     + " max(sequencenumber) AS last FROM domainevententry WHERE type = 'Case' GROUP BY aggregateidentifier) e"
                     + " LEFT JOIN case_fact f ON f.case_id = e.aggregateidentifier"
                     + " WHERE f.last_sequence IS DISTINCT FROM e.last")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits (60 s at most) until every case's fact stands at its last event and the admin view shows no lag. */
    public void awaitStatisticsConverged(ApplicationProcess app) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        long behind = -1;
        JsonNode statistics = null;
        while (System.currentTimeMillis() < deadline) {
            behind = casesBehind();
            statistics = projection(app, "case-statistics");
            if (behind == 0 && statistics.get("lag").asLong() == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("case-statistics did not converge in 60 s: " + behind + " cases behind the event store; "
                + statistics);
    }

    /** A projection's status from {@code GET /api/v1/admin/projections}, as the platform admin. */
    public static JsonNode projection(ApplicationProcess app, String name) {
        for (JsonNode projection : app.as("admin").get("/api/v1/admin/projections").json()) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
