package se.tidigt.platform.axon;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.platform.secrets.RefusedStart;
import se.tidigt.gateway.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start-up check: PostgreSQL's statement and idle-in-transaction timeouts, as set on a connection,
 * must be set and at most half of the event store's gap timeout (github.com/AxonFramework/AxonFramework/issues/4829).
 */
class TransactionTimeoutsTest {
    private static final String USER = System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres");
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);

    private static final String URL = TestDatabase.freshDatabase();

    @Test
    void the_shipped_timeouts_pass_against_axons_default_gap_timeout() throws SQLException {
        try (Connection connection = connection("SET statement_timeout = '15s'; SET idle_in_transaction_session_timeout = '20s'")) {
            assertThatCode(() -> TransactionTimeouts.verify(connection, GAP_TIMEOUT)).doesNotThrowAnyException();
        }
    }

    @Test
    void an_idle_in_transaction_timeout_not_well_below_the_gap_timeout_is_refused() throws SQLException {
        try (Connection connection = connection("SET statement_timeout = '15s'; SET idle_in_transaction_session_timeout = '45s'")) {
            assertThatThrownBy(() -> TransactionTimeouts.verify(connection, GAP_TIMEOUT))
                    .isInstanceOf(RefusedStart.class)
                    .hasMessageContaining("idle_in_transaction_session_timeout is 45000 ms")
                    .hasMessageContaining("at most 30000 ms")
                    .hasMessageContaining("tidigt.event-store.gap-timeout")
                    .hasMessageNotContaining("statement_timeout is");
        }
    }

    @Test
    void a_statement_timeout_left_unset_is_refused() throws SQLException {
        try (Connection connection = connection("SET statement_timeout = 0; SET idle_in_transaction_session_timeout = '20s'")) {
            assertThatThrownBy(() -> TransactionTimeouts.verify(connection, GAP_TIMEOUT))
                    .hasMessageContaining("statement_timeout is not set (0: no limit)")
                    .hasMessageContaining("spring.datasource.hikari.connection-init-sql");
        }
    }

    @Test
    void the_application_refuses_to_start_when_its_pooled_connections_outlast_the_gap_timeout() {
        TidigtApplication.disableAxonUpdateChecker();
        assertThatThrownBy(() -> new SpringApplicationBuilder(TidigtApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.hikari.maximum-pool-size=2",
                "--tidigt.event-store.gap-timeout=PT10S",
                "--tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "--tidigt.demo-data=false").close())
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(RefusedStart.class))
                .satisfies(failure -> assertThat(rootCause(failure).getMessage())
                        .contains("statement_timeout is 15000 ms", "idle_in_transaction_session_timeout is 20000 ms",
                                "at most 5000 ms"));
    }

    private Connection connection(String settings) throws SQLException {
        Connection connection = DriverManager.getConnection(URL, USER, "");
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings);
        }
        return connection;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
