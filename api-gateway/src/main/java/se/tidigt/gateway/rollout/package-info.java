/**
 * Work models, districts through time, each district's rollout records and the city's rollout plans.
 */
package se.tidigt.gateway.rollout;
