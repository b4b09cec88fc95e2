package se.tidigt.gateway.limits;

/**
 * The documented maxima of the expensive parameters (docs/operations.md, "Bounds"); beyond them a request
 * is a 400 problem naming the parameter. Chosen so that the worst request allowed computes in a few
 * seconds on one core (a dry-run plan at every maximum with 1,000 simulations; the rollout effect with
 * 1,999 replicates), well inside the time budget of {@link ExpensiveRequests}.
 */
public final class Bounds {
    /** Rollout plans: waves, months per wave, and the two together (the plan's length in months). */
    public static final int MAX_WAVES = 12;
    public static final int MAX_MONTHS_PER_WAVE = 24;
    public static final int MAX_PLAN_MONTHS = 120;
    /** Power simulations of a plan. */
    public static final int MIN_SIMULATIONS = 50;
    public static final int MAX_SIMULATIONS = 1_000;
    /** Randomisation-inference replicates of the rollout effect. */
    public static final int MIN_REPLICATES = 99;
    public static final int MAX_REPLICATES = 1_999;

    private Bounds() {
    }
}
