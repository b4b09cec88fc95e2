package se.tidigt.cases.api;

/** Why a case's personal details were erased. */
public enum ErasureGround {
    /** An erasure the platform admin carried out (a data subject's request, a court order...). */
    REQUEST,
    /** Statutory weeding (gallring): 5 years after the last entry. */
    WEEDING
}
