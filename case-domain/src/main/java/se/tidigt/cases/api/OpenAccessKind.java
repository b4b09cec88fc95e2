package se.tidigt.cases.api;

/** Kinds of open-access support (SFS 2025:400) given without a prior investigation. */
public enum OpenAccessKind {
    COUNSELLING, PARENTING_SUPPORT, GROUP_ACTIVITY, YOUTH_SUPPORT, SCHOOL_COOPERATION, OTHER
}
