package se.tidigt.cases.api;

/** Why a case was closed. */
public enum ClosureReason {
    NO_ACTION_NEEDED, SUPPORT_COMPLETED, FAMILY_DECLINED, MOVED_AWAY, OTHER
}
