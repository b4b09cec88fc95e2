package se.tidigt.cases.api.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 under one secret key: what everything kept of personal data, or derived from it, is made
 * with, so that without the deployment's key no guess can be tested. One initialised {@link Mac} per
 * thread, reused ({@code doFinal} leaves it reset and keyed as before): looking the algorithm up and keying
 * it again costs more than the HMAC of a short text, and some callers run it for every request or record.
 */
public final class KeyedHmac {
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    private KeyedHmac(SecretKeySpec key) {
        this.macs = ThreadLocal.withInitial(() -> initialised(key));
        macs.get(); // an unusable key fails here, where the key is given, not at the first use
    }

    public static KeyedHmac withKey(byte[] key) {
        return new KeyedHmac(new SecretKeySpec(key, ALGORITHM));
    }

    /** A text key, as the deployment's secrets are given, in UTF-8. */
    public static KeyedHmac withKey(String key) {
        return withKey(key.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] of(byte[] message) {
        return macs.get().doFinal(message);
    }

    public byte[] of(String message) {
        return of(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The HMAC of {@code message} (UTF-8) in lower-case hex. */
    public String hexOf(String message) {
        return HexFormat.of().formatHex(of(message));
    }

    private static Mac initialised(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHmac[redacted]";
    }
}
