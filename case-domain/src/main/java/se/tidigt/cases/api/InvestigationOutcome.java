package se.tidigt.cases.api;

/** What the investigation found. */
public enum InvestigationOutcome {
    INTERVENTION_NEEDED, NO_INTERVENTION_NEEDED
}
