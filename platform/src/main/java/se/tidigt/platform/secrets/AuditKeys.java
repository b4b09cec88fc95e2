package se.tidigt.platform.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;

/**
 * The audit trail's two keys, which the database never holds: the seal key (HMAC-SHA256 over each event
 * as it is appended) and the Ed25519 key that signs digests and checkpoints. From
 * {@code TIDIGT_AUDIT_SEAL_KEY} and {@code TIDIGT_AUDIT_SIGNING_KEY} (32 random bytes in Base64 each, or
 * their {@code _FILE}s); the embedded default generates its own in its data directory ({@link KeyDirectory});
 * a configured database without them derives each from the pseudonym key, so that every instance of a
 * deployment agrees, and says so at start.
 */
@Component
public class AuditKeys {
    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    private final byte[] sealKey;
    private final KeyPair signing;

    AuditKeys(@Value("${tidigt.audit.seal-key:}") String sealKey, @Value("${tidigt.audit.signing-key:}") String signingKey,
              DeploymentKeys deployment, ObjectProvider<KeyDirectory> generated) {
        KeyDirectory directory = generated.getIfAvailable();
        this.sealKey = key("TIDIGT_AUDIT_SEAL_KEY", sealKey, "audit-seal.key", "audit-event-seal", deployment, directory);
        this.signing = keyPair(key("TIDIGT_AUDIT_SIGNING_KEY", signingKey, "audit-signing.key", "audit-signing",
                deployment, directory));
    }

    private static byte[] key(String variable, String given, String file, String purpose, DeploymentKeys deployment,
                              KeyDirectory directory) {
        String encoded = given;
        if (encoded.isBlank() && directory != null) {
            encoded = directory.keyNamed(file);
        }
        if (encoded.isBlank()) {
            log.warn("{} is not set: using a key derived from the pseudonym key. Set it to 32 random bytes in Base64 "
                    + "(`openssl rand -base64 32`) to keep the audit trail's key apart from the pseudonym key.", variable);
            return deployment.derivedKey(purpose);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new RefusedStart(variable + " is not 32 bytes in Base64.", "Set it to the output of `openssl rand -base64 32`.");
        }
        return key;
    }

    /** The Ed25519 key pair whose private key is the 32-byte seed (RFC 8032): the JDK derives the public key. */
    static KeyPair keyPair(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public byte[] sealKey() {
        return sealKey.clone();
    }

    public PublicKey publicKey() {
        return signing.getPublic();
    }

    /** An Ed25519 signature over the text's UTF-8 bytes. */
    public byte[] sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            PrivateKey key = signing.getPrivate();
            signer.initSign(key);
            signer.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKeys[redacted]";
    }
}
