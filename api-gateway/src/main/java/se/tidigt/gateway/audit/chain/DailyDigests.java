package se.tidigt.gateway.audit.chain;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.gateway.problem.ApiProblem;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One digest per Europe/Stockholm day: a hash over every case's chain head at the end of that day,
 * computed once (on first request, or by the nightly schedule) and kept. The city publishes or
 * archives the value; any later rewrite of history before that day makes the recomputation differ.
 */
@Service
public class DailyDigests {
    /** Transactions last seconds at most (statement and idle timeouts); a day is final a minute after midnight. */
    static final Duration SETTLING = Duration.ofMinutes(1);
    private static final HexFormat HEX = HexFormat.of();

    private final DayHeads heads;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DailyDigests(DayHeads heads, JdbcTemplate jdbc, Clock clock) {
        this.heads = heads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A stored digest. Format 2 covers every stream ({@code streams}, of which {@code cases} are cases) and
     * the access log's head; format 1, stored before, covers cases only ({@code cases}).
     */
    public record Digest(LocalDate date, int format, String digest, int cases, Integer streams, Long accessLogPosition,
                         String accessLogHead, Instant computedAt) {
    }

    public record DigestVerification(LocalDate date, boolean intact, String stored, String recomputed, int storedCases,
                                     int recomputedCases, Integer storedStreams, Integer recomputedStreams,
                                     Instant computedAt, String reason) {
    }

    /** The day's stored digest, computed and stored now if this is the first time it is asked for. */
    public Digest get(LocalDate date) {
        requireFinal(date);
        return stored(date).orElseGet(() -> {
            requireLivedThrough(date);
            DayHeads.Heads computed = heads.of(date);
            jdbc.update("INSERT INTO audit_digest (day, digest, cases, format, streams, access_log_position, "
                            + "access_log_head) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO NOTHING",
                    Date.valueOf(date), computed.digest(), computed.cases(), computed.format(), computed.leaves().size(),
                    computed.accessLogHead().position(), computed.accessLogHead().hash());
            return stored(date).orElseThrow();
        });
    }

    /** Recomputes the day's digest from the events as they are now and compares it with the stored one. */
    public DigestVerification verify(LocalDate date) {
        requireFinal(date);
        Digest stored = stored(date).orElseThrow(() -> ApiProblem.notFound("A digest of " + date));
        DayHeads.Heads now = heads.of(date, stored.format());
        String recomputed = HEX.formatHex(now.digest());
        boolean intact = recomputed.equals(stored.digest());
        return new DigestVerification(date, intact, stored.digest(), recomputed, stored.cases(), now.cases(),
                stored.streams(), stored.format() == DayHeads.CASES_ONLY ? null : now.leaves().size(),
                stored.computedAt(), intact ? null : "the history recorded by the end of " + date
                + " differs from what it was when the digest was computed");
    }

    /**
     * The first day the event store lived through: the day it was created (when the chain began) or, for
     * a store migrated with older events, the day of its first recorded event.
     */
    public LocalDate firstDay() {
        Instant created = jdbc.queryForObject("SELECT least((SELECT min(started_at) FROM event_chain_start), "
                + "(SELECT min(CAST(timestamp AS timestamptz)) FROM domainevententry))", OffsetDateTime.class).toInstant();
        return LocalDate.ofInstant(created, Deadlines.ZONE);
    }

    private void requireLivedThrough(LocalDate date) {
        LocalDate first = firstDay();
        if (date.isBefore(first)) {
            throw ApiProblem.invalid("date", "must be a day the event store has lived through: from " + first
                    + " (no digest is made for a day before the store existed)");
        }
    }

    /** The latest day whose digest is final. */
    public LocalDate latestFinalDay() {
        return LocalDate.ofInstant(clock.instant().minus(SETTLING), Deadlines.ZONE).minusDays(1);
    }

    void requireFinal(LocalDate date) {
        if (date.isAfter(latestFinalDay())) {
            throw ApiProblem.invalid("date", "must be a day that has ended in Europe/Stockholm (a day's digest is "
                    + "final a minute after its midnight)");
        }
    }

    private Optional<Digest> stored(LocalDate date) {
        try {
            return Optional.ofNullable(jdbc.queryForObject("SELECT day, format, digest, cases, streams, "
                    + "access_log_position, access_log_head, computed_at FROM audit_digest WHERE day = ?", DIGEST,
                    Date.valueOf(date)));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private static final RowMapper<Digest> DIGEST = (rs, n) -> new Digest(rs.getDate("day").toLocalDate(),
            rs.getInt("format"), HEX.formatHex(rs.getBytes("digest")), rs.getInt("cases"),
            (Integer) rs.getObject("streams"), (Long) rs.getObject("access_log_position"),
            rs.getBytes("access_log_head") == null ? null : HEX.formatHex(rs.getBytes("access_log_head")),
            rs.getObject("computed_at", OffsetDateTime.class).toInstant());
}
