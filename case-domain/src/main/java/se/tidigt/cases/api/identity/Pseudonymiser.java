package se.tidigt.cases.api.identity;

import se.tidigt.cases.api.Child;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns a personal identity number into a keyed pseudonym (HMAC-SHA256 with the deployment's
 * secret): the same child always gets the same pseudonym, so re-referrals are recognised, but
 * without the key nobody can go from pseudonym back to the number, nor test a guess.
 */
public final class Pseudonymiser {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;

    private Pseudonymiser(SecretKeySpec key) {
        this.key = key;
    }

    public static Pseudonymiser withKey(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The pseudonym key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        return new Pseudonymiser(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    public String pseudonymOf(PersonalIdentityNumber number) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(number.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public Child childOf(PersonalIdentityNumber number) {
        return new Child(pseudonymOf(number), number.birthMonth(), number.keptForResearch());
    }
}
