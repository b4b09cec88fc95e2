package se.tidigt.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * With no database configured the application starts its own PostgreSQL in the data directory,
 * with the demo users on, and what a user recorded is still there after a stop and a start.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    @Test
    void a_case_recorded_on_the_embedded_database_survives_a_restart() throws java.io.IOException {
        // A mounted volume always holds lost+found: PostgreSQL keeps its data in a folder of its own beside it.
        Files.createDirectories(dataDir.resolve("lost+found"));
        String caseId;
        try (ConfigurableApplicationContext app = start()) {
            Api hv = Api.at(port(app), "hv-admin");
            caseId = hv.post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(2))).json().get("caseId").asText();
            assertThat(hv.post("/api/v1/cases/" + caseId + "/protection-assessment",
                    Map.of("assessedAt", daysAgo(1).toString(), "immediateProtectionNeeded", false)).status()).isEqualTo(200);
        }
        assertThat(Files.exists(dataDir.resolve("postgresql/PG_VERSION"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("tidigt-keys/pseudonym.key"))).as("its own pseudonym key, not a published one")
                .isTrue();
        assertThat(Files.exists(dataDir.resolve("postgresql/postmaster.pid"))).as("PostgreSQL stopped with the application")
                .isFalse();

        try (ConfigurableApplicationContext app = start()) {
            var read = Api.at(port(app), "hv-admin").get("/api/v1/cases/" + caseId);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("version").asLong()).isEqualTo(2);
        }
    }

    @Test
    void a_data_directory_that_holds_postgresql_itself_keeps_being_used() throws java.io.IOException {
        Files.writeString(dataDir.resolve("PG_VERSION"), "17\n");
        assertThat(EmbeddedPostgresServer.postgresData(dataDir)).isEqualTo(dataDir.toAbsolutePath().normalize());
        assertThat(EmbeddedPostgresServer.postgresData(dataDir.resolve("fresh")))
                .isEqualTo(dataDir.resolve("fresh/postgresql").toAbsolutePath().normalize());
    }

    @Test
    void a_start_failure_is_one_line_naming_its_cause_and_the_fix() throws java.io.IOException {
        Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> EmbeddedPostgresServer.start(file), EmbeddedPostgresServer.EmbeddedStartFailure.class);
        var analysis = new EmbeddedStartFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).doesNotContain("\n").contains(file.toString(), "cannot be created");
        assertThat(analysis.getAction()).contains("TIDIGT_DATA_DIR");
    }

    private ConfigurableApplicationContext start() {
        TidigtApplication.disableAxonUpdateChecker();
        return new SpringApplicationBuilder(TidigtApplication.class).run(
                "--server.port=0", "--spring.datasource.url=", "--tidigt.data-dir=" + dataDir,
                "--tidigt.demo-data=false");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
