/**
 * The rollout for reading: work models, each district's timeline and the model in force on any
 * date, and rollout plans with their comparison groups. Kept in the transaction of each event.
 */
package se.tidigt.query.rollout;
