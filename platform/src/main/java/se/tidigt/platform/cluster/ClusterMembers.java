package se.tidigt.platform.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The instances running against this database. Each writes a heartbeat row; an instance whose
 * heartbeat is older than the token claim timeout counts as gone, the same time after which Axon
 * lets another instance claim its segments.
 */
@Component
public class ClusterMembers {
    /** The name Axon's JDBC token store records as a segment's owner ({@code pid@host}, its default node id). */
    public static final String NODE_ID = ManagementFactory.getRuntimeMXBean().getName();

    /**
     * The query of the live node ids ({@link #live()}), to be part of a larger one: its one parameter is
     * {@link #liveFor()}.
     */
    public static final String LIVE = "SELECT node_id FROM cluster_member WHERE heartbeat_at > now() - ?::interval";

    private final JdbcTemplate jdbc;
    private final Duration liveFor;

    ClusterMembers(JdbcTemplate jdbc, @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration liveFor) {
        this.jdbc = jdbc;
        this.liveFor = liveFor;
    }

    void heartbeat() {
        jdbc.update("INSERT INTO cluster_member (node_id, started_at, heartbeat_at) VALUES (?, now(), now())"
                + " ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()", NODE_ID);
    }

    void leave() {
        jdbc.update("DELETE FROM cluster_member WHERE node_id = ?", NODE_ID);
        // Rows of instances gone for a day say nothing any more.
        jdbc.update("DELETE FROM cluster_member WHERE heartbeat_at < now() - interval '1 day'");
    }

    /** Node ids with a recent heartbeat, this instance's included once it has beaten. */
    public Set<String> live() {
        return new HashSet<>(jdbc.queryForList(LIVE, String.class, liveFor()));
    }

    /** The parameter of {@link #LIVE}: how recent a heartbeat must be. */
    public String liveFor() {
        return liveFor.toMillis() + " milliseconds";
    }
}
