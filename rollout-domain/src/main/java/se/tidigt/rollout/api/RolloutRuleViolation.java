package se.tidigt.rollout.api;

/** A rollout command the current state forbids (HTTP 409); {@code rule} names the rule. */
public class RolloutRuleViolation extends RuntimeException {
    private final String rule;

    public RolloutRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
