package se.tidigt.rollout.api;

/** The configured district list contradicts itself; the application refuses to start. */
public class InvalidDistrictConfiguration extends RuntimeException {
    public InvalidDistrictConfiguration(String message) {
        super(message);
    }
}
