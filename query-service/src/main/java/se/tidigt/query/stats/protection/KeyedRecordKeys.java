package se.tidigt.query.stats.protection;

import se.tidigt.cases.api.identity.KeyedHmac;
import se.tidigt.query.stats.RecordKeys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Record keys from the deployment's secret: the first four bytes of HMAC-SHA256(secret, record id).
 * A reader who knows every case id still cannot predict a key, so the noise cannot be subtracted.
 * Keys are remembered (a record's key never changes), which keeps a query's cost to one lookup a record.
 */
public final class KeyedRecordKeys implements RecordKeys {
    /** Keyed once per thread: looking the algorithm up and keying it for every record was most of a first answer's cost. */
    private final KeyedHmac secret;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    public KeyedRecordKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The cell-key secret needs at least 16 characters");
        }
        this.secret = KeyedHmac.withKey(secret);
    }

    @Override
    public long of(String recordId) {
        return known.computeIfAbsent(recordId, this::derive);
    }

    private long derive(String recordId) {
        byte[] hash = secret.of(recordId);
        return ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
    }
}
