package se.tidigt.cases.api;

import java.util.Map;

/**
 * For each decision kind, the lowest rank that decides alone. Without a change of its own a district has
 * {@link #DEFAULT}: a supervisor decides interventions and closures, a worker the rest.
 */
public record Delegation(Map<DecisionKind, DecisionRank> levels) {
    public static final Delegation DEFAULT = new Delegation(Map.of(
            DecisionKind.OPEN_INVESTIGATION, DecisionRank.WORKER,
            DecisionKind.EXTEND_INVESTIGATION, DecisionRank.WORKER,
            DecisionKind.OFFER_INTERVENTION, DecisionRank.SUPERVISOR,
            DecisionKind.CLOSE_CASE, DecisionRank.SUPERVISOR,
            DecisionKind.TRANSFER_CASE, DecisionRank.WORKER));

    public Delegation {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /** The lowest rank that decides {@code kind} alone. */
    public DecisionRank lowestToDecide(DecisionKind kind) {
        return levels.getOrDefault(kind, DEFAULT.levels.get(kind));
    }

    /** True when every decision kind is named. */
    public boolean isComplete() {
        return levels.keySet().containsAll(java.util.EnumSet.allOf(DecisionKind.class));
    }
}
