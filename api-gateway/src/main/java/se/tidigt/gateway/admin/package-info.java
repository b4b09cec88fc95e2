/**
 * Operations on projections: where each stands, and rebuilding one from the event store.
 */
package se.tidigt.gateway.admin;
