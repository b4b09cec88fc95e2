package se.tidigt.cases.api;

/**
 * A command whose input can never be right, whatever the case's state (HTTP 400): a business time
 * in the future, a district code used outside its validity. {@code field} names the offending input.
 */
public class InvalidCaseInput extends RuntimeException {
    private final String field;

    public InvalidCaseInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
