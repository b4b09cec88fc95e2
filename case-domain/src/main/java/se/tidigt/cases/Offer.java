package se.tidigt.cases;

import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.Instant;
import java.time.LocalDate;

/** One offer: the family's answer and the intervention's course. */
final class Offer {
    /** A child may consent alone to open interventions from this age. */
    static final int AGE_OF_OWN_CONSENT = 12;

    private enum Stage { OFFERED, ACCEPTED, DECLINED, STARTED, ENDED }

    private final InterventionType type;
    private Stage stage = Stage.OFFERED;
    /** When the offer's last step happened: its steps follow one another in time. */
    private Instant lastStepAt;

    Offer(InterventionType type, Instant offeredAt) {
        this.type = type;
        this.lastStepAt = offeredAt;
    }

    /** An answer comes after the offer, a start after the answer, an end after the start. */
    void checkFollows(String field, Instant at) {
        if (at.isBefore(lastStepAt)) {
            String previous = switch (stage) {
                case OFFERED -> "the offer was made";
                case ACCEPTED, DECLINED -> "the family answered";
                case STARTED, ENDED -> "the intervention started";
            };
            throw new InvalidCaseInput(field, at + " lies before " + previous + " (" + lastStepAt + ")");
        }
    }

    boolean isAnswered() {
        return stage != Stage.OFFERED;
    }

    void checkConsent(ConsentBy consentBy, Child child, LocalDate on) {
        if (consentBy == null) {
            throw new InvalidCaseInput("consentBy", "is required when the family accepts");
        }
        if (consentBy == ConsentBy.CHILD && (!type.isOpen() || child.ageInYearsOn(on) < AGE_OF_OWN_CONSENT)) {
            throw new CaseRuleViolation("child-consent-requires-age-12-and-open-intervention",
                    "A child consents alone only from age " + AGE_OF_OWN_CONSENT + " and only to an open intervention.");
        }
    }

    void checkCanStart() {
        if (stage == Stage.STARTED || stage == Stage.ENDED) {
            throw new CaseRuleViolation("intervention-already-started", "This intervention has already started.");
        }
        if (stage != Stage.ACCEPTED) {
            throw new CaseRuleViolation("intervention-requires-accepted-offer", "Only an offer the family accepted can start.");
        }
    }

    void checkRunning() {
        if (stage != Stage.STARTED) {
            throw new CaseRuleViolation("intervention-not-running", "Only a started, not yet ended intervention can end.");
        }
    }

    void accepted(Instant at) {
        stage = Stage.ACCEPTED;
        lastStepAt = at;
    }

    void declined(Instant at) {
        stage = Stage.DECLINED;
        lastStepAt = at;
    }

    void started(Instant at) {
        stage = Stage.STARTED;
        lastStepAt = at;
    }

    void ended(Instant at) {
        stage = Stage.ENDED;
        lastStepAt = at;
    }

    // Value equality lets Axon's fixtures check that sourcing the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Offer that && type == that.type && stage == that.stage
                && java.util.Objects.equals(lastStepAt, that.lastStepAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, stage, lastStepAt);
    }
}
