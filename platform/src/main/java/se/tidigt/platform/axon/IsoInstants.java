package se.tidigt.platform.axon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

/**
 * Reads the one form every instant of the event store is written in: {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} in UTC,
 * with one to nine digits of a second, as {@link Instant#toString()} and Axon write it. {@link java.time.format.DateTimeFormatter}
 * reads it generically (a map of parsed fields, resolved afterwards): a third of the thread that reads the store
 * in bulk went there, twice per event (Axon's recording time and the event's own time). Anything else (an offset,
 * a leap second, hour 24, a five-digit year) is not this form: {@link #parse} gives null and the caller reads it
 * the general way, so an instant reads as the same value either way.
 */
public final class IsoInstants {
    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /** The instant {@code text} is in the store's form, or null when it is in any other form (valid or not). */
    public static Instant parse(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fraction = length > 20 ? digits(text, 20, length - 21) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || fraction < 0 || day > Year.of(year).atMonth(month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        long nanos = length > 20 ? (long) fraction * SCALE[length - 21] : 0;
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 if one of them is not an ASCII digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
