package se.tidigt.cases.api;

/** What kind of collaboration took place. */
public enum CollaborationKind {
    MEETING, CONSULTATION, JOINT_VISIT, INFORMATION_SHARING, OTHER
}
