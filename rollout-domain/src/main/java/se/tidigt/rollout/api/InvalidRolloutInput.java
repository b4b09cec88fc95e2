package se.tidigt.rollout.api;

/** Rollout input that can never be right (HTTP 400); {@code field} names it. */
public class InvalidRolloutInput extends RuntimeException {
    private final String field;

    public InvalidRolloutInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
