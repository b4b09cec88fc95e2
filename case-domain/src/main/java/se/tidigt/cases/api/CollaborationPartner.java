package se.tidigt.cases.api;

/** Who the case worked with. */
public enum CollaborationPartner {
    PRESCHOOL, SCHOOL, POLICE, HEALTHCARE, OTHER
}
