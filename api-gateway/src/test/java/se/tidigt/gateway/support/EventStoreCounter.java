package se.tidigt.gateway.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Counts what is stored, to prove that a refused request stored nothing. */
public final class EventStoreCounter {
    private final JdbcTemplate jdbc;

    public EventStoreCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long events() {
        return count("SELECT count(*) FROM domainevententry");
    }

    public long stored() {
        return events() + count("SELECT count(*) FROM case_view") + count("SELECT count(*) FROM idempotent_request");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
