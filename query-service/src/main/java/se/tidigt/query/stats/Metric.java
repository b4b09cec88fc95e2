package se.tidigt.query.stats;

/**
 * What a case contributes to its cell's summary, one entry per (metric, value): a flag (value 0), a
 * histogram (value = days, years, an age, a worker count), a day the figure is read against today
 * (value = epoch day), a sum (the design effect's integer sums, carried in n) or a labelled count
 * (collaborations per partner). docs/statistics.md, "Implementation", lists how each figure is read back.
 */
enum Metric {
    CONCERNS, PROTECTION_ASSESSED, INITIAL_ASSESSED, INVESTIGATION_OPENED, INVESTIGATION_CONCLUDED, CLOSED, OPEN,
    /** Offers, keyed by offer: all, by answer, started, ended. */
    OFFERS, ACCEPTED_OFFERS, DECLINED_OFFERS, STARTED_OFFERS, ENDED_OFFERS,
    HAS_ACCEPTED, CONCLUDED_WITH_INTERVENTION, INITIAL_ASSESSMENT_WITHIN_14_DAYS,
    /** Days from the concern to the step (value), and the flag "not reached and the case still open". */
    DAYS_TO_INITIAL_ASSESSMENT, OPEN_BEFORE_INITIAL_ASSESSMENT,
    DAYS_TO_FIRST_OFFER, OPEN_BEFORE_FIRST_OFFER,
    DAYS_TO_INTERVENTION_START, OPEN_BEFORE_INTERVENTION_START,
    INVESTIGATION_DAYS, INVESTIGATION_STILL_OPEN, INVESTIGATION_OVERDUE,
    /** Value: the closing day; followed for a year when closing day + 12 months ≤ today. */
    CLOSED_ON, CLOSED_ON_REFERRED_AGAIN,
    AGE_AT_CONCERN, AGE_AT_FIRST_INTERVENTION,
    /** The child's first case ever: age then, and (helped) age at the first intervention ever, years until it. */
    FIRST_CONCERN_AGE, HELPED_AGE_AT_FIRST_INTERVENTION, HELPED_YEARS_TO_FIRST_INTERVENTION, STILL_WAITING,
    WORKERS,
    /** Label: the partner; n = events, key = events × case key. */
    COLLABORATIONS,
    /** Design-effect sums over cases with an answered offer, in n: clusters, Σa, Σy, Σy², Σy·a, Σa². */
    DE_CLUSTERS, DE_ANSWERED, DE_ACCEPTED, DE_ACCEPTED_SQUARED, DE_ACCEPTED_TIMES_ANSWERED, DE_ANSWERED_SQUARED,
    /** A step done after its due day (flag), or not done, case open, value = due day (breached once due < today). */
    PROTECTION_ASSESSMENT_LATE, PROTECTION_ASSESSMENT_PENDING,
    INITIAL_ASSESSMENT_LATE, INITIAL_ASSESSMENT_PENDING,
    INVESTIGATION_LATE, INVESTIGATION_PENDING,
    /**
     * Out-of-home placements, keyed by placement: all, under LVU; the days of ended ones (n = days, key = days ×
     * placement key); running ones with their first day as the value (days counted up to today when read).
     */
    PLACEMENTS, COMPULSORY_PLACEMENTS, PLACEMENT_DAYS_ENDED, PLACEMENT_RUNNING_SINCE,
    /** The child's first case ever, value = the day of that concern: all, and those placed within 24 months of it. */
    FIRST_CONCERN_ON, FIRST_CONCERN_ON_PLACED_WITHIN_24M
}
