package se.tidigt.platform.secrets;

/**
 * The application will not start as configured, for a reason an operator can mend: the message says
 * what to set. {@link RefusedStartReport} shows it as Spring Boot's failure report, without a trace.
 */
public class RefusedStart extends IllegalStateException {
    private final String action;

    public RefusedStart(String reason, String action) {
        super(reason + " " + action);
        this.action = action;
    }

    String reason() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }

    String action() {
        return action;
    }
}
