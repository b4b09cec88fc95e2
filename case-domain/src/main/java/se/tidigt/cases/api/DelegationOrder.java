package se.tidigt.cases.api;

import java.time.LocalDate;

/**
 * The district's delegation in force on a date: for each decision kind the lowest rank that decides alone.
 * The case aggregate asks it when a proposal is decided; the application reads it from the district's
 * delegation stream (the two aggregates do not know each other).
 */
public interface DelegationOrder {
    DecisionRank lowestToDecide(String district, DecisionKind kind, LocalDate date);
}
