package se.tidigt.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives every test application context a fresh, empty PostgreSQL database: on the server named by
 * {@code TIDIGT_TEST_DATABASE_URL} (CI sets it to the machine's server) or else on one embedded
 * PostgreSQL shared by the whole test JVM. Real PostgreSQL either way; never a mock, never H2.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final String SERVER_URL = System.getenv("TIDIGT_TEST_DATABASE_URL");
    private static final String SERVER_USER = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
    private static EmbeddedPostgres shared;
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

    static {
        // A server outlives the test run: leave it as it was found.
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = freshDatabase();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tidigt-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", SERVER_URL != null ? SERVER_USER : "postgres",
                // Spring keeps every test context alive for reuse; a server allows 100 connections in
                // all, so a context that sits idle gives back all but one of its pool.
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000",
                // The signed audit files belong to one database: each fresh database gets a directory of its own.
                "tidigt.audit.checkpoint-dir", checkpointDirectory(url))));
    }

    private static String checkpointDirectory(String url) {
        try {
            return Files.createTempDirectory("tidigt-audit-" + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\W", "_"))
                    .toString();
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a checkpoint directory", e);
        }
    }

    /** A new database's JDBC URL. */
    public static synchronized String freshDatabase() {
        String name = "tidigt_test_" + UUID.randomUUID().toString().replace("-", "");
        String adminUrl = adminUrl();
        try (Connection connection = DriverManager.getConnection(adminUrl, SERVER_URL != null ? SERVER_USER : "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database via " + adminUrl, e);
        }
        return withDatabase(adminUrl, name);
    }

    /**
     * A new database migrated as the application migrates it (every location, out of order), without an
     * application: for tests of the schema's own behaviour, such as its triggers.
     */
    public static JdbcTemplate freshMigrated() {
        String url = freshDatabase();
        String user = SERVER_URL != null ? SERVER_USER : "postgres";
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/eventstore",
                "classpath:db/migration/gateway", "classpath:db/migration/query").outOfOrder(true).load().migrate();
        return new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
    }

    private static synchronized void dropCreated() {
        if (SERVER_URL == null || CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(SERVER_URL, SERVER_USER, "");
             Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + CREATED + ": " + e.getMessage());
        }
    }

    /** Opens or closes a test database to new connections and ends the ones it has: an outage, for tests. */
    public static void allowConnections(String databaseUrl, boolean allowed) {
        String base = databaseUrl.contains("?") ? databaseUrl.substring(0, databaseUrl.indexOf('?')) : databaseUrl;
        String name = base.substring(base.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(adminUrl(), SERVER_URL != null ? SERVER_USER : "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change access to " + name, e);
        }
    }

    /** jdbc:postgresql://host:port/db?params → the same with another db. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static String adminUrl() {
        if (SERVER_URL != null) {
            return SERVER_URL;
        }
        return embedded().getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres embedded() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("tidigt-test-pg"))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
            }
        }
        return shared;
    }
}
