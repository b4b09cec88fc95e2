package se.tidigt.cases.api;

/**
 * The user may not decide this proposal (HTTP 403, not 409: the case allows the step, this user may not take
 * it): they proposed it themselves, or the delegation asks for a higher rank.
 */
public class NotEntitledToDecide extends CaseRuleViolation {
    public NotEntitledToDecide(String rule, String message) {
        super(rule, message);
    }
}
