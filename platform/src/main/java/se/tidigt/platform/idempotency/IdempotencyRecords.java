package se.tidigt.platform.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/** The {@code idempotent_request} table. */
@Repository
class IdempotencyRecords {
    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True if this request is the key's first (or the first since the key's last use expired); false if
     * the key is taken by a committed request. One upsert: a live record (committed, or in a concurrent
     * transaction: the insert waits for its end) is left alone, 0 rows; an expired one is taken over as if
     * deleted and inserted anew, 1 row.
     */
    boolean claim(String principal, String key, String requestHash, Duration expiry) {
        return jdbc.update("INSERT INTO idempotent_request (principal, idempotency_key, request_hash, status, expires_at) "
                + "VALUES (?, ?, ?, 0, now() + make_interval(secs => ?)) "
                + "ON CONFLICT (principal, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
                + "status = 0, location = NULL, etag = NULL, body = NULL, created_at = now(), "
                + "expires_at = EXCLUDED.expires_at WHERE idempotent_request.expires_at <= now()",
                principal, key, requestHash, expiry.toSeconds()) == 1;
    }

    /** Removes the expired records; how many. */
    int removeExpired() {
        return jdbc.update("DELETE FROM idempotent_request WHERE expires_at <= now()");
    }

    void complete(String principal, String key, int status, String location, String etag, String body) {
        jdbc.update("UPDATE idempotent_request SET status = ?, location = ?, etag = ?, body = ? "
                + "WHERE principal = ? AND idempotency_key = ?", status, location, etag, body, principal, key);
    }

    Optional<StoredAnswer> find(String principal, String key) {
        return jdbc.query("SELECT request_hash, status, location, etag, body FROM idempotent_request "
                        + "WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), principal, key).stream().findFirst();
    }

    record StoredAnswer(String requestHash, int status, String location, String etag, String body) {
    }
}
