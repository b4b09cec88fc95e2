package se.tidigt.query.stats;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A counter the statistics projection moves forward in the same transaction as every write to the
 * fact tables (V230). Read in the same snapshot as the facts, it names exactly the state a result was
 * computed from, on every instance sharing the database: what the result cache is keyed by.
 */
@Repository
public class StatisticsPosition {
    private final JdbcTemplate jdbc;

    StatisticsPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called by the projection after it wrote facts, inside that transaction. */
    void advance() {
        jdbc.update("UPDATE statistics_position SET version = version + 1 WHERE id = 1");
    }

    public long current() {
        Long version = jdbc.queryForObject("SELECT version FROM statistics_position WHERE id = 1", Long.class);
        return version == null ? 0 : version;
    }
}
