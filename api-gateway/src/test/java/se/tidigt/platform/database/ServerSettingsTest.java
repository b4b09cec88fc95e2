package se.tidigt.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.tidigt.gateway.support.TestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSettingsTest {

    @Test
    void the_watched_settings_are_read_from_the_server_as_it_reports_them() {
        String url = TestDatabase.freshDatabase();
        String user = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));

        ServerSettings settings = ServerSettings.of(jdbc);

        assertThat(settings.values()).containsOnlyKeys(ServerSettings.WATCHED);
        assertThat(settings.values().get("autovacuum")).isEqualTo(jdbc.queryForObject("SHOW autovacuum", String.class));
        assertThat(settings.values().get("fsync")).isEqualTo(jdbc.queryForObject("SHOW fsync", String.class));
        assertThat(settings.values().get("synchronous_commit"))
                .isEqualTo(jdbc.queryForObject("SHOW synchronous_commit", String.class));
    }

    @Test
    void a_server_that_keeps_its_promises_gives_no_warning() {
        assertThat(new ServerSettings(Map.of("autovacuum", "on", "fsync", "on", "synchronous_commit", "local")).warnings())
                .isEmpty();
    }

    @Test
    void each_setting_that_breaks_a_promise_is_named() {
        assertThat(new ServerSettings(Map.of("autovacuum", "off", "fsync", "off", "synchronous_commit", "off")).warnings())
                .hasSize(3)
                .anySatisfy(w -> assertThat(w).startsWith("fsync is off"))
                .anySatisfy(w -> assertThat(w).startsWith("synchronous_commit is off"))
                .anySatisfy(w -> assertThat(w).startsWith("autovacuum is off"));
    }
}
