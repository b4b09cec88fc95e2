package se.tidigt.cases.api.identity;

/** The Luhn (mod 10) check used by Swedish identity numbers, over the 10 digits YYMMDDNNNC. */
final class Luhn {
    private Luhn() {
    }

    static boolean isValid(String tenDigits) {
        return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }

    /** The check digit for nine digits YYMMDDNNN. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
