/**
 * Bounds on expensive requests: how many a user may have running at once, how many run in the whole
 * instance, and how long one may compute before its answer is given up.
 */
package se.tidigt.gateway.limits;
