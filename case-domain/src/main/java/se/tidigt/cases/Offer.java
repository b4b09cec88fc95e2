package se.tidigt.cases;

import se.tidigt.cases.api.CaseRuleViolation;
import se.tidigt.cases.api.Child;
import se.tidigt.cases.api.ConsentBy;
import se.tidigt.cases.api.InterventionType;
import se.tidigt.cases.api.InvalidCaseInput;

import java.time.LocalDate;

/** One offer: the family's answer and the intervention's course. */
final class Offer {
    /** A child may consent alone to open interventions from this age. */
    static final int AGE_OF_OWN_CONSENT = 12;

    private enum Stage { OFFERED, ACCEPTED, DECLINED, STARTED, ENDED }

    private final InterventionType type;
    private Stage stage = Stage.OFFERED;

    Offer(InterventionType type) {
        this.type = type;
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

    void accepted() {
        stage = Stage.ACCEPTED;
    }

    void declined() {
        stage = Stage.DECLINED;
    }

    void started() {
        stage = Stage.STARTED;
    }

    void ended() {
        stage = Stage.ENDED;
    }

    // Value equality lets Axon's fixtures check that sourcing the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Offer that && type == that.type && stage == that.stage;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(type, stage);
    }
}
