package se.tidigt.platform.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.tidigt.cases.api.identity.KeyedHmac;

import java.util.Base64;

/**
 * The deployment's two secrets: the pseudonym key (children's pseudonyms, and keys derived from it for
 * anything else that must not be computable without it, such as idempotency fingerprints) and the
 * key-encryption key that wraps each case's data key. From {@code TIDIGT_PSEUDONYM_KEY} and
 * {@code TIDIGT_KEY_ENCRYPTION_KEY} (or their {@code _FILE}s); the embedded default generates its own
 * ({@link KeyDirectory}); a configured database without them refuses to start.
 */
@Component
public class DeploymentKeys {
    private static final Logger log = LoggerFactory.getLogger(DeploymentKeys.class);
    static final int MIN_PSEUDONYM_KEY_LENGTH = 16;

    private final String pseudonymKey;
    private final byte[] keyEncryptionKey;

    DeploymentKeys(@Value("${tidigt.pseudonym-key:}") String pseudonymKey,
                   @Value("${tidigt.key-encryption-key:}") String keyEncryptionKey,
                   ObjectProvider<KeyDirectory> generated) {
        KeyDirectory directory = generated.getIfAvailable();
        this.pseudonymKey = pseudonymKey(pseudonymKey, directory);
        this.keyEncryptionKey = keyEncryptionKey(keyEncryptionKey, directory);
    }

    private static String pseudonymKey(String given, KeyDirectory directory) {
        if (!given.isBlank()) {
            if (given.length() < MIN_PSEUDONYM_KEY_LENGTH) {
                throw new RefusedStart("TIDIGT_PSEUDONYM_KEY is shorter than " + MIN_PSEUDONYM_KEY_LENGTH + " characters.",
                        "Set it to a long random secret, e.g. the output of `openssl rand -base64 32`.");
            }
            return given;
        }
        if (directory == null) {
            throw new RefusedStart("TIDIGT_PSEUDONYM_KEY is not set. A database is configured, so Tidigt needs the "
                    + "deployment's secret key for children's pseudonyms.", "Set TIDIGT_PSEUDONYM_KEY (or "
                    + "TIDIGT_PSEUDONYM_KEY_FILE) to a random secret of at least 16 characters, e.g. `openssl rand "
                    + "-base64 32`, and keep it for the deployment's life: a new key makes every child a stranger.");
        }
        log.info("TIDIGT_PSEUDONYM_KEY is not set: using the key this installation generated in {}", directory.path());
        return directory.keyNamed("pseudonym.key");
    }

    private static byte[] keyEncryptionKey(String given, KeyDirectory directory) {
        String encoded = given;
        if (encoded.isBlank()) {
            if (directory == null) {
                throw new RefusedStart("TIDIGT_KEY_ENCRYPTION_KEY is not set. A database is configured, so Tidigt "
                        + "needs the key that encrypts each case's data key.", "Set TIDIGT_KEY_ENCRYPTION_KEY (or "
                        + "TIDIGT_KEY_ENCRYPTION_KEY_FILE) to 32 random bytes in Base64, e.g. `openssl rand -base64 32`.");
            }
            encoded = directory.keyNamed("key-encryption.key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new RefusedStart("TIDIGT_KEY_ENCRYPTION_KEY is not 32 bytes in Base64.",
                    "Set it to the output of `openssl rand -base64 32`.");
        }
        return key;
    }

    public String pseudonymKey() {
        return pseudonymKey;
    }

    public byte[] keyEncryptionKey() {
        return keyEncryptionKey.clone();
    }

    /** A key for one purpose, derived from the pseudonym key (HMAC-SHA256 of the purpose's label). */
    public byte[] derivedKey(String purpose) {
        return KeyedHmac.withKey(pseudonymKey).of("tidigt:" + purpose);
    }

    @Override
    public String toString() {
        return "DeploymentKeys[redacted]";
    }
}
