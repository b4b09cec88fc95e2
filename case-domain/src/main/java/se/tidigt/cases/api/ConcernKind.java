package se.tidigt.cases.api;

/** What a concern is about; the Vällingby team's target group is substance use and crime risk. */
public enum ConcernKind {
    SUBSTANCE_USE_RISK, CRIME_RISK, VIOLENCE, NEGLECT, MENTAL_HEALTH, SCHOOL_ABSENCE, OTHER
}
