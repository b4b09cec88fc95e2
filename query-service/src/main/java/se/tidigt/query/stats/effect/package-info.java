/**
 * The rollout effect: Callaway and Sant'Anna's group-time effects for staggered adoption, with a
 * seeded cluster bootstrap.
 */
package se.tidigt.query.stats.effect;
