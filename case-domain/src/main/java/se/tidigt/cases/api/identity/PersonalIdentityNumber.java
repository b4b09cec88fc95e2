package se.tidigt.cases.api.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A Swedish personal identity number (personnummer) or coordination number (samordningsnummer,
 * day of birth + 60), in its 12-digit form. It lives only as long as a request: the platform keeps
 * a pseudonym, the birth month and the research flag, never the number. {@link #toString()} is
 * redacted so it cannot leak into a log by accident.
 */
public final class PersonalIdentityNumber {
    private static final Pattern FORMAT = Pattern.compile("\\d{8}-?\\d{4}");
    private static final int COORDINATION_OFFSET = 60;

    private final String digits;
    private final LocalDate birthDate;
    private final boolean coordination;

    private PersonalIdentityNumber(String digits, LocalDate birthDate, boolean coordination) {
        this.digits = digits;
        this.birthDate = birthDate;
        this.coordination = coordination;
    }

    /** Accepts {@code YYYYMMDD-NNNN} or {@code YYYYMMDDNNNN}. */
    public static PersonalIdentityNumber parse(String text) {
        if (text == null || !FORMAT.matcher(text.trim()).matches()) {
            throw new InvalidPersonalIdentityNumber("must be 12 digits, YYYYMMDD-NNNN or YYYYMMDDNNNN");
        }
        String digits = text.trim().replace("-", "");
        int day = Integer.parseInt(digits.substring(6, 8));
        boolean coordination = day > COORDINATION_OFFSET;
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    coordination ? day - COORDINATION_OFFSET : day);
        } catch (DateTimeException e) {
            throw new InvalidPersonalIdentityNumber("does not start with a valid date of birth");
        }
        if (!Luhn.isValid(digits.substring(2))) {
            throw new InvalidPersonalIdentityNumber("has a wrong check digit");
        }
        return new PersonalIdentityNumber(digits, birthDate, coordination);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public YearMonth birthMonth() {
        return YearMonth.from(birthDate);
    }

    public boolean isCoordinationNumber() {
        return coordination;
    }

    /** Files of children born on the 5th, 15th or 25th are kept for research when others are weeded. */
    public boolean keptForResearch() {
        int day = birthDate.getDayOfMonth();
        return day == 5 || day == 15 || day == 25;
    }

    /** The 12 digits; only for pseudonymisation, never to be stored or logged. */
    String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalIdentityNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "PersonalIdentityNumber[redacted]";
    }
}
