package se.tidigt.platform.projections;

import org.axonframework.messaging.deadletter.DeadLetter;

import java.util.List;

/** The streaming projections whose failing events are parked, and what a parked letter remembers. */
public final class DeadLetteredGroups {
    /** The statistics' facts: a pooled streaming processor. */
    public static final List<String> NAMES = List.of("case-statistics");
    /** Diagnostics key: how many times handling the letter has failed. */
    static final String ATTEMPTS = "attempts";

    private DeadLetteredGroups() {
    }

    public static long attempts(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return attempts instanceof Number n ? n.longValue() : 0;
    }
}
