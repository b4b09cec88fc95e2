package se.tidigt.gateway.input;

/**
 * The one rule for every string a client sends, identifiers and free text alike: a JSON string (a number
 * or boolean is not turned into one), with no control character (line breaks and tabs included), no
 * invisible formatting character (bidirectional overrides and isolates, zero-width spaces and joiners,
 * the byte-order mark, soft hyphens), no line or paragraph separator, no lone surrogate, and no padding
 * (space at either end). What is stored is then exactly what a reader sees.
 */
public final class StrictStrings {
    public static final String RULE = "must be plain text: no control, bidirectional or zero-width characters, "
            + "no line breaks and no spaces at either end";

    private StrictStrings() {
    }

    public static boolean allowed(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (padding(value.codePointAt(0)) || padding(value.codePointBefore(value.length()))) {
            return false;
        }
        return value.codePoints().noneMatch(StrictStrings::hidden);
    }

    private static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED && (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static boolean padding(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
