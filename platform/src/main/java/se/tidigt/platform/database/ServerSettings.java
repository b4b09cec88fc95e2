package se.tidigt.platform.database;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The PostgreSQL settings Tidigt's promises rest on, as the server reports them. A server can be set up
 * in ways that break a promise without any query failing: with {@code fsync} or
 * {@code synchronous_commit} off an acknowledged write can be lost in a crash, and with autovacuum
 * off no table is ever analysed, so the event store's and the projections' prepared statements keep
 * plans made for empty tables (BENCHMARKS.md, "The benchmark": a streaming projection's event query once
 * seen at 4.7 ms a call instead of 0.03 ms on a never-analysed store).
 */
public record ServerSettings(Map<String, String> values) {
    static final List<String> WATCHED = List.of("autovacuum", "fsync", "synchronous_commit");

    /** Reads the watched settings from the server. */
    public static ServerSettings of(JdbcTemplate jdbc) {
        return new ServerSettings(jdbc.queryForList("SELECT name, setting FROM pg_settings WHERE name = ANY (?)",
                        (Object) WATCHED.toArray(String[]::new)).stream()
                .collect(Collectors.toMap(row -> (String) row.get("name"), row -> (String) row.get("setting"))));
    }

    /** What an operator should hear about, one sentence each; empty when nothing is amiss. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if ("off".equals(values.get("fsync"))) {
            warnings.add("fsync is off: a crash of the database server can lose writes Tidigt has acknowledged");
        }
        if ("off".equals(values.get("synchronous_commit"))) {
            warnings.add("synchronous_commit is off: a crash of the database server can lose the last writes "
                    + "Tidigt has acknowledged");
        }
        if ("off".equals(values.get("autovacuum"))) {
            warnings.add("autovacuum is off: no table is analysed as it grows, so the event store's and the "
                    + "projections' query plans stay those of empty tables; turn it on or run ANALYZE regularly");
        }
        return warnings;
    }
}
