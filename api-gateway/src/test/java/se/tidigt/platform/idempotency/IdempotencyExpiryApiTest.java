package se.tidigt.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Idempotency records last a day (configurable) and are then gone: a key may be used afresh, and the
 * clean-up removes the rows. Time is moved by ageing the stored row, not by waiting.
 */
class IdempotencyExpiryApiTest extends ApiTest {
    private static final String CASES = "/api/v1/districts/hasselby-vallingby/cases";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotencyRecords records;

    /** Keys are stored only keyed (HMAC): the rows are found by the stored form of the client's key. */
    @Autowired
    RequestFingerprints fingerprints;

    @Test
    void a_record_expires_a_day_after_the_request_by_default() {
        String key = "expiry-" + UUID.randomUUID();
        assertThat(hv().with("Idempotency-Key", key).post(CASES, concern(daysAgo(2))).status()).isEqualTo(201);
        Double hours = jdbc.queryForObject("SELECT extract(epoch FROM expires_at - created_at) / 3600 FROM idempotent_request "
                + "WHERE idempotency_key = ?", Double.class, fingerprints.stored(key));
        assertThat(hours).isBetween(23.9, 24.1);
    }

    @Test
    void after_expiry_the_same_key_is_a_new_request_and_the_cleanup_removes_the_record() {
        String key = "expiry-" + UUID.randomUUID();
        Api retrying = hv().with("Idempotency-Key", key);
        String first = retrying.post(CASES, concern(daysAgo(2))).json().get("caseId").asText();
        assertThat(retrying.post(CASES, concern(daysAgo(3))).status()).as("another body within the day").isEqualTo(409);

        age(key);
        var again = retrying.post(CASES, concern(daysAgo(3)));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("caseId").asText()).isNotEqualTo(first);

        age(key);
        assertThat(records.removeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", Long.class,
                fingerprints.stored(key)))
                .isZero();
    }

    private void age(String key) {
        jdbc.update("UPDATE idempotent_request SET expires_at = now() - INTERVAL '1 second' WHERE idempotency_key = ?",
                fingerprints.stored(key));
    }
}
