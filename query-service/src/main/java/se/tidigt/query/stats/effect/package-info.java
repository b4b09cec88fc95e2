/**
 * The rollout effect: Callaway and Sant'Anna's group-time effects for staggered adoption on exact
 * records, published under output rules for analytical results, with randomisation inference over the
 * order of adoption, a wild cluster bootstrap for the detail, anticipation, sensitivity and later
 * spells; and the power of a rollout plan, simulated with the same estimator and rules.
 */
package se.tidigt.query.stats.effect;
