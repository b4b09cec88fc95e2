package se.tidigt.cases.api;

/**
 * A command the case's state forbids (HTTP 409). {@code rule} is a stable, kebab-case name of the
 * rule that was broken, for clients to act on; the message says it in words.
 */
public class CaseRuleViolation extends RuntimeException {
    private final String rule;

    public CaseRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
