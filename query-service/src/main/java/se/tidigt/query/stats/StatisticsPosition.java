package se.tidigt.query.stats;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A counter the statistics projection moves forward in the same transaction as every write to the
 * fact tables (V230). Read in the same snapshot as the facts, it names exactly the state a result was
 * computed from, on every instance sharing the database: what the result cache is keyed by.
 *
 * <p>Every case the projection writes is stamped with the position of its write (V245,
 * {@code case_fact.changed_at_position}). The projection moves the counter before it writes its rows,
 * so it holds the row lock of {@code statistics_position} from the moment it takes its stamp until it
 * commits: a concurrent segment's transaction waits at its own {@link #advance()} until the first
 * commits (or rolls back), then reads the committed counter. Stamps are therefore unique and commit in
 * their order, whatever the number of segments; PostgreSQL makes a transaction visible to new
 * snapshots before it releases its locks, so a snapshot that sees position P sees every write stamped
 * up to P and none stamped after it. Reading "the cases stamped after P" in the snapshot that reads the
 * new position gives exactly what changed in between. Deleting rows stamps nothing, so whatever deletes
 * (the projection's reset) moves the {@code generation} instead: readers then reload everything.
 */
@Repository
public class StatisticsPosition {
    private final JdbcTemplate jdbc;

    StatisticsPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position, the generation of the fact tables and the rollout tables' version, as one read. */
    public record State(long position, long generation, long rollout) {
    }

    /**
     * Called by the projection before it writes facts, inside that transaction: the new position, the
     * stamp of the rows it writes. Holds the counter's row lock until the transaction ends.
     */
    long advance() {
        Long version = jdbc.queryForObject("UPDATE statistics_position SET version = version + 1 WHERE id = 1 "
                + "RETURNING version", Long.class);
        return version == null ? 0 : version;
    }

    /** Called after fact rows were deleted (a reset): a new position and a new generation, so every reader reloads. */
    void deleted() {
        jdbc.update("UPDATE statistics_position SET version = version + 1, generation = generation + 1 WHERE id = 1");
    }

    public long current() {
        Long version = jdbc.queryForObject("SELECT version FROM statistics_position WHERE id = 1", Long.class);
        return version == null ? 0 : version;
    }

    /** One round trip for everything a cached statistics answer is keyed by. */
    public State state() {
        return jdbc.queryForObject("SELECT p.version, p.generation, r.version FROM statistics_position p "
                + "CROSS JOIN rollout_version r WHERE p.id = 1 AND r.id = 1",
                (rs, row) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
