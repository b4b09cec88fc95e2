package se.tidigt.cases;

import org.axonframework.eventhandling.GenericEventMessage;
import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.Instant;

/**
 * When things happened in the world. A step can be recorded late (and imported with its true date),
 * but it cannot lie in the future, nor before the concern that opened the case.
 */
record BusinessTime(Instant concernReceivedAt) {

    /** Axon's clock, so fixtures can set the time. */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Checks that the case is open and the time plausible, and returns the time. */
    Instant check(String field, Instant at, boolean closed) {
        if (closed) {
            throw new CaseRuleViolation("case-closed", "The case is closed; nothing can be recorded after closure.");
        }
        Rules.require(at, field);
        if (at.isAfter(now())) {
            throw new InvalidCaseInput(field, "must not lie in the future");
        }
        if (at.isBefore(concernReceivedAt)) {
            throw new InvalidCaseInput(field, "must not lie before the concern was received (" + concernReceivedAt + ")");
        }
        return at;
    }
}
