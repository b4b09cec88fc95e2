package se.tidigt.cases.api;

/** How high in a district's line a user stands when it comes to decisions, lowest first. */
public enum DecisionRank {
    WORKER,
    SUPERVISOR,
    ADMIN;

    public boolean atLeast(DecisionRank other) {
        return compareTo(other) >= 0;
    }

    /** A proposal is decided by a supervisor or above, and by no one below what the delegation names. */
    public static DecisionRank toDecideProposal(DecisionRank delegated) {
        return delegated.atLeast(SUPERVISOR) ? delegated : SUPERVISOR;
    }
}
