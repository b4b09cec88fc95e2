package se.tidigt.cases.api;

/** The steps of a case that a district's delegation order (delegationsordning) assigns to a decision maker. */
public enum DecisionKind {
    OPEN_INVESTIGATION,
    EXTEND_INVESTIGATION,
    OFFER_INTERVENTION,
    CLOSE_CASE,
    TRANSFER_CASE
}
