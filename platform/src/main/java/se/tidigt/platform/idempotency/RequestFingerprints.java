package se.tidigt.platform.idempotency;

import org.springframework.stereotype.Component;
import se.tidigt.cases.api.identity.KeyedHmac;
import se.tidigt.platform.secrets.DeploymentKeys;

/**
 * Everything kept of a request to recognise it again, as an HMAC with a key derived from the
 * deployment's secret: what tells two requests apart for an Idempotency-Key, the key itself as stored,
 * and the key an import line is replayed by. A body holds a child's identity number, and every other
 * field of it is in the case's events: a plain hash would give the number back to anyone who tries the
 * ~30,000 numbers of a birth month. Without the key, no guess can be tested.
 */
@Component
public class RequestFingerprints {
    private final KeyedHmac fingerprintKey;
    private final KeyedHmac storedKeyKey;

    RequestFingerprints(DeploymentKeys keys) {
        this.fingerprintKey = KeyedHmac.withKey(keys.derivedKey("idempotency-fingerprint"));
        this.storedKeyKey = KeyedHmac.withKey(keys.derivedKey("idempotency-key"));
    }

    /** The keyed fingerprint of a request (or of anything derived from one, such as an import line). */
    public String of(String request) {
        return fingerprintKey.hexOf(request);
    }

    /**
     * An Idempotency-Key as it is stored: a client may well make its key from the body (a hash of it), so
     * the key is kept only keyed too.
     */
    String stored(String idempotencyKey) {
        return storedKeyKey.hexOf(idempotencyKey);
    }
}
