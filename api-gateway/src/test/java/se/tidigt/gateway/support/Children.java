package se.tidigt.gateway.support;

import se.tidigt.cases.api.identity.SyntheticIdentityNumbers;

import java.time.LocalDate;
import java.util.Random;

/** Synthetic identity numbers for tests: valid checksums, random serials, never a real person's on purpose. */
public final class Children {
    private Children() {
    }

    public static String numberFor(LocalDate birthDate, long seed) {
        return SyntheticIdentityNumbers.formatted(birthDate, new Random(seed));
    }
}
