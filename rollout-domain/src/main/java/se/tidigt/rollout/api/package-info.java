/**
 * The rollout domain's contract: work models, districts through time, district rollout and plan
 * messages, and the pure timeline and stepped-wedge logic both sides share.
 */
package se.tidigt.rollout.api;
