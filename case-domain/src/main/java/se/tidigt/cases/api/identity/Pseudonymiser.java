package se.tidigt.cases.api.identity;

import se.tidigt.cases.api.Child;

/**
 * Turns a personal identity number into a keyed pseudonym (HMAC-SHA256 with the deployment's
 * secret): the same child always gets the same pseudonym, so re-referrals are recognised, but
 * without the key nobody can go from pseudonym back to the number, nor test a guess.
 */
public final class Pseudonymiser {
    private static final int MIN_KEY_LENGTH = 16;

    private final KeyedHmac key;

    private Pseudonymiser(KeyedHmac key) {
        this.key = key;
    }

    public static Pseudonymiser withKey(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The pseudonym key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        return new Pseudonymiser(KeyedHmac.withKey(secret));
    }

    public String pseudonymOf(PersonalIdentityNumber number) {
        return key.hexOf(number.digits());
    }

    public Child childOf(PersonalIdentityNumber number) {
        return new Child(pseudonymOf(number), number.birthMonth(), number.keptForResearch());
    }
}
