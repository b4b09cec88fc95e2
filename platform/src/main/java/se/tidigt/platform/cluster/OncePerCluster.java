package se.tidigt.platform.cluster;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Work that one instance of several must do, not each: done under a PostgreSQL session advisory lock
 * named for the work, held on a connection of its own for as long as the work runs. An instance that
 * does not get the lock skips the work; one killed mid-work loses the lock with its connection.
 */
@Component
public class OncePerCluster {
    private final DataSource dataSource;

    OncePerCluster(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} if no other instance runs the work of that name now; false if one does. */
    public boolean tryRun(String name, Runnable work) {
        long key = UUID.nameUUIDFromBytes(("tidigt:" + name).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        try (Connection connection = dataSource.getConnection()) {
            if (!advisory(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock for " + name, e);
        }
    }

    private static boolean advisory(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
