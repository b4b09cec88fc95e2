package se.tidigt.cases.api;

/** How an intervention ended. */
public enum InterventionEndOutcome {
    GOALS_MET, GOALS_PARTLY_MET, GOALS_NOT_MET, DISCONTINUED
}
