package se.tidigt.query.stats.protection;

import se.tidigt.query.stats.RecordKeys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Record keys from the deployment's secret: the first four bytes of HMAC-SHA256(secret, record id).
 * A reader who knows every case id still cannot predict a key, so the noise cannot be subtracted.
 * Keys are remembered (a record's key never changes), which keeps a query's cost to one lookup a record.
 */
public final class KeyedRecordKeys implements RecordKeys {
    private final SecretKeySpec secret;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    /**
     * One initialised Mac per thread, reused (doFinal resets it): looking the algorithm up and initialising
     * it for every record was most of the cost of a first protected answer over a city.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public KeyedRecordKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The cell-key secret needs at least 16 characters");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public long of(String recordId) {
        return known.computeIfAbsent(recordId, this::derive);
    }

    private long derive(String recordId) {
        byte[] hash = macs.get().doFinal(recordId.getBytes(StandardCharsets.UTF_8));
        return ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
