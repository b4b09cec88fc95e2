package se.tidigt.cases.api;

/** Who consented to an offer: the guardians, or the child alone (from age 12, open interventions only). */
public enum ConsentBy {
    GUARDIANS, CHILD
}
