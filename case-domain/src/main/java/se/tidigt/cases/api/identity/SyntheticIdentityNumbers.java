package se.tidigt.cases.api.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Generates valid-checksum identity numbers for tests and demo data: the date of birth you ask
 * for, a random serial, the right check digit. Synthetic by construction; never copy a real one.
 */
public final class SyntheticIdentityNumbers {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private SyntheticIdentityNumbers() {
    }

    public static PersonalIdentityNumber forBirthDate(LocalDate birthDate, RandomGenerator random) {
        return PersonalIdentityNumber.parse(formatted(birthDate, random));
    }

    /** {@code YYYYMMDD-NNNN} for a person born on the date. */
    public static String formatted(LocalDate birthDate, RandomGenerator random) {
        return withCheckDigit(YYYYMMDD.format(birthDate), random);
    }

    /** A coordination number (day of birth + 60) for the date. */
    public static String coordinationNumberFor(LocalDate birthDate, RandomGenerator random) {
        String date = YYYYMMDD.format(birthDate);
        int day = birthDate.getDayOfMonth() + 60;
        return withCheckDigit(date.substring(0, 6) + day, random);
    }

    private static String withCheckDigit(String yyyymmdd, RandomGenerator random) {
        String serial = String.format("%03d", random.nextInt(1000));
        int check = Luhn.checkDigit(yyyymmdd.substring(2) + serial);
        return yyyymmdd + "-" + serial + check;
    }
}
