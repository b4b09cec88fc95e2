package se.tidigt.audit.accesslog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tidigt.audit.verifier.VerifyExport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The access log's own chain recomputed in Java from the stored rows, independently of the
 * database's insert trigger (V110), so that a replaced trigger function cannot vouch for itself.
 */
@Service
public class AccessLogChain {
    private final JdbcTemplate jdbc;

    AccessLogChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Verification(boolean intact, long entries, Long firstBrokenPosition, String reason) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        return verify(null);
    }

    /**
     * A head recorded outside the database (a signed checkpoint): the log must still hold that position with
     * that hash. {@code source} names the record in the answer.
     */
    public record Expected(long position, byte[] hash, String source) {
    }

    /** The chain walked, then compared with a head recorded outside the database, if one is given. */
    @Transactional(readOnly = true)
    public Verification verify(Expected expected) {
        Walk walk = new Walk();
        walk.expectedAt = expected == null ? -1 : expected.position();
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT * FROM access_log ORDER BY position");
            statement.setFetchSize(1000);
            return statement;
        }, walk::row);
        if (walk.brokenAt == null && expected != null && expected.position() > 0) {
            if (walk.entries < expected.position()) {
                return new Verification(false, walk.entries, walk.entries + 1, "entries from position " + (walk.entries + 1)
                        + " on were removed: " + expected.source() + " recorded the log up to position " + expected.position());
            }
            if (!Arrays.equals(walk.hashAtExpected, expected.hash())) {
                return new Verification(false, walk.entries, expected.position(), "the log was rewritten up to position "
                        + expected.position() + " after " + expected.source() + ", which recorded another hash there");
            }
        }
        return new Verification(walk.brokenAt == null, walk.entries, walk.brokenAt, walk.reason);
    }

    /** The log's head: its last position and that entry's hash (position 0 and the genesis when empty). */
    public record Head(long position, byte[] hash) {
    }

    /**
     * The head of the log as it stood at {@code end}: the last entry read before then, its hash recomputed
     * from the content of every entry up to it (never the stored hashes, which a forger could rewrite).
     */
    @Transactional(readOnly = true)
    public Head headAt(Instant end) {
        byte[][] link = {VerifyExport.GENESIS};
        long[] position = {0};
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT * FROM access_log WHERE read_at < ? ORDER BY position");
            statement.setObject(1, OffsetDateTime.ofInstant(end, java.time.ZoneOffset.UTC));
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            link[0] = hash(link[0], rs);
            position[0] = rs.getLong("position");
        });
        return new Head(position[0], link[0]);
    }

    /** The log's last entry as stored now. */
    public Head storedHead() {
        return jdbc.query("SELECT position, entry_hash FROM access_log ORDER BY position DESC LIMIT 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).stream().findFirst()
                .orElse(new Head(0, VerifyExport.GENESIS));
    }

    private static final class Walk {
        byte[] previous = VerifyExport.GENESIS;
        long expectedAt = -1;
        byte[] hashAtExpected;
        long entries;
        Long brokenAt;
        String reason;

        void row(ResultSet rs) throws SQLException {
            entries++;
            if (brokenAt != null) {
                return;
            }
            long position = rs.getLong("position");
            if (position != entries) {
                broken(entries, "entry " + entries + " is missing (the next stored entry is " + position + ")");
            } else if (!Arrays.equals(previous, rs.getBytes("previous_hash"))) {
                broken(position, "entry " + position + " does not name the hash of the entry before it");
            } else if (!Arrays.equals(hash(previous, rs), rs.getBytes("entry_hash"))) {
                broken(position, "entry " + position + " was altered after it was written");
            }
            previous = rs.getBytes("entry_hash");
            if (position == expectedAt) {
                hashAtExpected = previous;
            }
        }

        private void broken(long position, String why) {
            brokenAt = position;
            reason = why;
        }
    }

    /** The entry's hash, byte for byte as the V110 trigger computes it. */
    static byte[] hash(byte[] previous, ResultSet rs) throws SQLException {
        VerifyExport.Fields f = new VerifyExport.Fields().raw(previous).int8(rs.getLong("position"))
                .int8(ChronoUnit.MICROS.between(Instant.EPOCH, rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .text(rs.getString("user_id")).text(rs.getString("role")).text(rs.getString("district"))
                .text(rs.getString("endpoint")).text(rs.getString("path"));
        String[] caseIds = (String[]) rs.getArray("case_ids").getArray();
        f.int4(caseIds.length);
        for (String caseId : caseIds) {
            f.text(caseId);
        }
        return VerifyExport.sha256(f.text(rs.getString("correlation_id")).toByteArray());
    }
}
