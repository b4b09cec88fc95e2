package se.tidigt.cases.api;

/** The initial assessment's decision. */
public enum InitialAssessmentDecision {
    OPEN_INVESTIGATION, EARLY_SUPPORT, NO_ACTION
}
