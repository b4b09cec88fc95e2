/**
 * Every failure as RFC 9457 problem details, from one place, without stack traces.
 */
package se.tidigt.gateway.problem;
