package se.tidigt.audit.chain;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import se.tidigt.cases.api.Deadlines;
import se.tidigt.audit.verifier.VerifyExport;
import se.tidigt.audit.verifier.VerifyExport.SignedText;
import se.tidigt.audit.signed.SignedFiles;
import se.tidigt.platform.problem.ApiProblem;
import se.tidigt.platform.secrets.AuditKeys;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
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
    private final SignedFiles files;
    private final AuditKeys keys;

    DailyDigests(DayHeads heads, JdbcTemplate jdbc, Clock clock, SignedFiles files, AuditKeys keys) {
        this.files = files;
        this.keys = keys;
        this.heads = heads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A stored digest. Format 2 covers every stream ({@code streams}, of which {@code cases} are cases) and
     * the access log's head; format 1, stored before, covers cases only ({@code cases}).
     */
    public record Digest(LocalDate date, int format, String digest, Integer cases, Integer streams,
                         Long accessLogPosition, String accessLogHead, Instant computedAt, String signature,
                         String note) {
        Digest withNote(String text) {
            return new Digest(date, format, digest, cases, streams, accessLogPosition, accessLogHead, computedAt,
                    signature, text);
        }
    }

    /**
     * {@code stored}: the database's row; {@code signed}: the copy signed and written outside the database
     * (format 2); {@code recomputed}: from the events and the access log as they are now.
     */
    public record DigestVerification(LocalDate date, boolean intact, String stored, String signed, String recomputed,
                                     Integer storedCases, int recomputedCases, Integer storedStreams,
                                     Integer recomputedStreams, Instant computedAt, String reason) {
    }

    static String fileName(LocalDate date) {
        return "digest-" + date + ".txt";
    }

    /**
     * The day's stored digest, computed, signed, written to the checkpoint directory and stored now if this
     * is the first time it is asked for. When the database has lost the row but the signed copy exists, the
     * answer is the signed copy (and nothing is stored: verify says what happened).
     */
    public Digest get(LocalDate date) {
        requireFinal(date);
        Optional<Digest> row = stored(date);
        if (row.isPresent()) {
            return row.get();
        }
        Optional<SignedText> signed = files.read(fileName(date));
        if (signed.isPresent()) {
            return new Digest(date, DayHeads.EVERY_STREAM, VerifyExport.DayDigest.digestIn(signed.get().statement()), null,
                    null, null, null, null, Base64.getEncoder().encodeToString(signed.get().signature()),
                    "the database holds no digest of this day; this is its signed copy from outside the database");
        }
        requireLivedThrough(date);
        DayHeads.Heads computed = heads.of(date);
        SignedText copy = files.write(fileName(date), computed.dayDigest().statement());
        jdbc.update("INSERT INTO audit_digest (day, digest, cases, format, streams, access_log_position, "
                        + "access_log_head, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO NOTHING",
                Date.valueOf(date), HEX.parseHex(VerifyExport.DayDigest.digestIn(copy.statement())), computed.cases(),
                computed.format(), computed.leaves().size(), computed.accessLogHead().position(),
                computed.accessLogHead().hash(), copy.signature());
        return stored(date).orElseThrow();
    }

    /**
     * Recomputes the day's digest from the events and the access log as they are now and compares it with
     * the signed copy outside the database and with the stored row: a rewritten history, a rewritten or
     * removed row and an altered signed copy are each named.
     */
    public DigestVerification verify(LocalDate date) {
        requireFinal(date);
        Optional<Digest> row = stored(date);
        Optional<SignedText> copy = files.read(fileName(date));
        if (row.isEmpty() && copy.isEmpty()) {
            throw ApiProblem.notFound("A digest of " + date);
        }
        int format = row.map(Digest::format).orElse(DayHeads.EVERY_STREAM);
        DayHeads.Heads now = heads.of(date, format);
        String recomputed = HEX.formatHex(now.digest());
        String signed = copy.map(c -> VerifyExport.DayDigest.digestIn(c.statement())).orElse(null);
        String stored = row.map(Digest::digest).orElse(null);
        String reason = null;
        if (copy.isPresent() && !copy.get().verifiedBy(keys.publicKey())) {
            reason = "the signed copy of the digest outside the database does not verify with the public key: it was altered";
        } else if (row.isEmpty()) {
            reason = "the database's digest of " + date + " was removed; its signed copy outside the database remains";
        } else if (signed != null && !signed.equals(stored)) {
            reason = "the database's digest of " + date + " was rewritten: the signed copy outside the database says " + signed;
        } else if (signed == null && row.get().signature() != null && !VerifyExport.verifySignature(keys.publicKey(),
                VerifyExport.DayDigest.statement(date.toString(), row.get().streams(), row.get().accessLogPosition(),
                        HEX.parseHex(row.get().accessLogHead()), HEX.parseHex(stored)),
                Base64.getDecoder().decode(row.get().signature()))) {
            reason = "the database's digest of " + date + " does not match its signature: it was rewritten";
        } else if (!recomputed.equals(signed != null ? signed : stored)) {
            reason = "the history recorded by the end of " + date + " differs from what it was when the digest was computed";
        }
        return new DigestVerification(date, reason == null, stored, signed, recomputed, row.map(Digest::cases).orElse(null),
                now.cases(), row.map(Digest::streams).orElse(null),
                format == DayHeads.CASES_ONLY ? null : now.leaves().size(), row.map(Digest::computedAt).orElse(null),
                reason);
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
                    + "access_log_position, access_log_head, computed_at, signature FROM audit_digest WHERE day = ?", DIGEST,
                    Date.valueOf(date)));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private static final RowMapper<Digest> DIGEST = (rs, n) -> new Digest(rs.getDate("day").toLocalDate(),
            rs.getInt("format"), HEX.formatHex(rs.getBytes("digest")), rs.getInt("cases"),
            (Integer) rs.getObject("streams"), (Long) rs.getObject("access_log_position"),
            rs.getBytes("access_log_head") == null ? null : HEX.formatHex(rs.getBytes("access_log_head")),
            rs.getObject("computed_at", OffsetDateTime.class).toInstant(),
            rs.getBytes("signature") == null ? null : Base64.getEncoder().encodeToString(rs.getBytes("signature")), null);
}
