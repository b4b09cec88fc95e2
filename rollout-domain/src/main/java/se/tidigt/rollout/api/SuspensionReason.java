package se.tidigt.rollout.api;

/** Why a model was suspended. */
public enum SuspensionReason { BUDGET, RECRUITMENT, OTHER }
