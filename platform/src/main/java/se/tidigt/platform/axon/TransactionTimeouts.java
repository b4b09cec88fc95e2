package se.tidigt.platform.axon;

import se.tidigt.platform.secrets.RefusedStart;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up check that PostgreSQL ends a hanging write transaction well before Axon's gap timeout.
 *
 * <p>An event is skipped when a streaming projection reads a neighbour that looks older than the gap
 * timeout while the event's own transaction is still open. The neighbour's age counts from its message
 * timestamp, taken inside its own transaction, so that needs the two transactions (or one of them and
 * the projection's lag) to add up to the gap timeout: hence each limit at most half of it.
 * {@code statement_timeout} ends a statement that hangs (a lock wait, a slow query) and
 * {@code idle_in_transaction_session_timeout} a transaction left idle (a stalled or paused client);
 * both must be set. PostgreSQL 17's {@code transaction_timeout}, which bounds a transaction that keeps
 * issuing statements, is checked too when it is set.
 */
final class TransactionTimeouts {
    static final List<String> REQUIRED = List.of("statement_timeout", "idle_in_transaction_session_timeout");
    static final String OPTIONAL = "transaction_timeout";

    private TransactionTimeouts() {
    }

    /** Refuses (with a message naming the setting, its value and the fix) timeouts not well below the gap timeout. */
    static void verify(Connection connection, Duration gapTimeout) throws SQLException {
        Duration limit = gapTimeout.dividedBy(2);
        List<String> problems = new ArrayList<>();
        // pg_settings gives this session's values (what SHOW shows), in milliseconds for these three.
        try (Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN ("
                     + "'statement_timeout', 'idle_in_transaction_session_timeout', 'transaction_timeout')")) {
            List<String> seen = new ArrayList<>();
            while (settings.next()) {
                String name = settings.getString(1);
                Duration value = Duration.ofMillis(Long.parseLong(settings.getString(2)));
                seen.add(name);
                boolean required = REQUIRED.contains(name);
                if (value.isZero() && required) {
                    problems.add(name + " is not set (0: no limit)");
                } else if (!value.isZero() && value.compareTo(limit) > 0) {
                    problems.add(name + " is " + value.toMillis() + " ms");
                }
            }
            REQUIRED.stream().filter(name -> !seen.contains(name)).forEach(name -> problems.add(name + " is unknown"));
        }
        if (!problems.isEmpty()) {
            throw new RefusedStart("PostgreSQL's transaction timeouts must be set and at most half of the event store's"
                    + " gap timeout (tidigt.event-store.gap-timeout = " + gapTimeout.toMillis() + " ms, so at most "
                    + limit.toMillis() + " ms), or a streaming projection may skip an event whose transaction commits"
                    + " late (github.com/AxonFramework/AxonFramework/issues/4829): " + String.join("; ", problems) + ".",
                    "Set them in spring.datasource.hikari.connection-init-sql (or for the database role), or raise"
                    + " the gap timeout (TIDIGT_EVENT_STORE_GAP_TIMEOUT).");
        }
    }
}
