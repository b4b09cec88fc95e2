/**
 * The rollout effect: Callaway and Sant'Anna's group-time effects for staggered adoption on protected
 * counts, with a seeded cluster bootstrap, a pre-trend test and randomisation inference; and the power
 * of a rollout plan, simulated with the same estimator.
 */
package se.tidigt.query.stats.effect;
