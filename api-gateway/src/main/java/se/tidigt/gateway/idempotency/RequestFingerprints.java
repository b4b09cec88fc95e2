package se.tidigt.gateway.idempotency;

import org.springframework.stereotype.Component;
import se.tidigt.gateway.secrets.DeploymentKeys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What tells two requests apart for an Idempotency-Key, kept as an HMAC with a key derived from the
 * deployment's secret. A body holds a child's identity number, and every other field of it is in the
 * case's events: a plain hash would give the number back to anyone who tries the ~30,000 numbers of a
 * birth month. Without the key, no guess can be tested.
 */
@Component
class RequestFingerprints {
    private final SecretKeySpec key;

    RequestFingerprints(DeploymentKeys keys) {
        this.key = new SecretKeySpec(keys.derivedKey("idempotency-fingerprint"), "HmacSHA256");
    }

    String of(String request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(request.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
