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
    private final java.util.concurrent.atomic.AtomicReference<LocalDate> firstDay = new java.util.concurrent.atomic.AtomicReference<>();

    DailyDigests(DayHeads heads, JdbcTemplate jdbc, Clock clock) {
        this.heads = heads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Digest(LocalDate date, String digest, int cases, Instant computedAt) {
    }

    public record DigestVerification(LocalDate date, boolean intact, String stored, String recomputed, int storedCases,
                                     int recomputedCases, Instant computedAt) {
    }

    /** The day's stored digest, computed and stored now if this is the first time it is asked for. */
    public Digest get(LocalDate date) {
        requireFinal(date);
        requireLivedThrough(date);
        return stored(date).orElseGet(() -> {
            DayHeads.Heads computed = heads.of(date);
            jdbc.update("INSERT INTO audit_digest (day, digest, cases) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING",
                    Date.valueOf(date), computed.digest(), computed.leaves().size());
            return stored(date).orElseThrow();
        });
    }

    /** Recomputes the day's digest from the events as they are now and compares it with the stored one. */
    public DigestVerification verify(LocalDate date) {
        requireFinal(date);
        requireLivedThrough(date);
        Digest stored = stored(date).orElseThrow(() -> ApiProblem.notFound("A digest of " + date));
        DayHeads.Heads now = heads.of(date);
        String recomputed = HEX.formatHex(now.digest());
        return new DigestVerification(date, recomputed.equals(stored.digest()), stored.digest(), recomputed,
                stored.cases(), now.leaves().size(), stored.computedAt());
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

    /**
     * A digest is made only for a day the store has lived through: on or after the day of its first recorded
     * event (Europe/Stockholm). Any earlier day, back to year 1, would otherwise get a stored digest of
     * nothing that says nothing. The first day is remembered once known; a day before it is looked up again.
     */
    void requireLivedThrough(LocalDate date) {
        if (!livedThrough(date)) {
            throw ApiProblem.notFound("A digest of " + date + " (the store holds nothing recorded on or before that day)");
        }
    }

    boolean livedThrough(LocalDate date) {
        LocalDate known = firstDay.get();
        if (known != null && !date.isBefore(known)) {
            return true;
        }
        // Not known yet, or a day before the first one known: read again (an event recorded with an earlier
        // time, as an import of history or a test's clock records it, moves the first day back).
        String earliest = jdbc.queryForObject("SELECT min(timestamp) FROM domainevententry", String.class);
        LocalDate first = earliest == null ? null : dayOf(earliest);
        if (first != null) {
            firstDay.set(first);
        }
        return first != null && !date.isBefore(first);
    }

    /** The Stockholm day of a stored recording time (ISO-8601; a day earlier when only its date can be read). */
    private static LocalDate dayOf(String recorded) {
        try {
            return LocalDate.ofInstant(Instant.parse(recorded), Deadlines.ZONE);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return LocalDate.parse(recorded.substring(0, Math.min(10, recorded.length()))).minusDays(1);
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private Optional<Digest> stored(LocalDate date) {
        try {
            return Optional.ofNullable(jdbc.queryForObject("SELECT day, digest, cases, computed_at FROM audit_digest "
                    + "WHERE day = ?", DIGEST, Date.valueOf(date)));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private static final RowMapper<Digest> DIGEST = (rs, n) -> new Digest(rs.getDate("day").toLocalDate(),
            HEX.formatHex(rs.getBytes("digest")), rs.getInt("cases"),
            rs.getObject("computed_at", OffsetDateTime.class).toInstant());
}
