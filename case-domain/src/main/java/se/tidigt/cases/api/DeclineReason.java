package se.tidigt.cases.api;

/** Why a family declined an offer. */
public enum DeclineReason {
    NOT_NEEDED, NOT_WANTED, OTHER_SUPPORT_CHOSEN, PRACTICAL_OBSTACLES, OTHER
}
