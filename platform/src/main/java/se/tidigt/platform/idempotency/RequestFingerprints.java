package se.tidigt.platform.idempotency;

import org.springframework.stereotype.Component;
import se.tidigt.platform.secrets.DeploymentKeys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Everything kept of a request to recognise it again, as an HMAC with a key derived from the
 * deployment's secret: what tells two requests apart for an Idempotency-Key, the key itself as stored,
 * and the key an import line is replayed by. A body holds a child's identity number, and every other
 * field of it is in the case's events: a plain hash would give the number back to anyone who tries the
 * ~30,000 numbers of a birth month. Without the key, no guess can be tested.
 */
@Component
public class RequestFingerprints {
    // One initialised Mac per key and thread: looking the algorithm up and keying it again cost more than the
    // HMAC of a request itself, twice per write.
    private final ThreadLocal<Mac> fingerprintKey;
    private final ThreadLocal<Mac> storedKeyKey;

    RequestFingerprints(DeploymentKeys keys) {
        this.fingerprintKey = macs(new SecretKeySpec(keys.derivedKey("idempotency-fingerprint"), "HmacSHA256"));
        this.storedKeyKey = macs(new SecretKeySpec(keys.derivedKey("idempotency-key"), "HmacSHA256"));
    }

    /** The keyed fingerprint of a request (or of anything derived from one, such as an import line). */
    public String of(String request) {
        return hmac(fingerprintKey, request);
    }

    /**
     * An Idempotency-Key as it is stored: a client may well make its key from the body (a hash of it), so
     * the key is kept only keyed too.
     */
    String stored(String idempotencyKey) {
        return hmac(storedKeyKey, idempotencyKey);
    }

    private static String hmac(ThreadLocal<Mac> key, String text) {
        // doFinal leaves the Mac reset, keyed as before, for the thread's next request.
        return HexFormat.of().formatHex(key.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ThreadLocal<Mac> macs(SecretKeySpec key) {
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
    }
}
