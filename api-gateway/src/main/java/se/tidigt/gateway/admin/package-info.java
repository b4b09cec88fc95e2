/**
 * Operations on projections over HTTP: where each stands, and rebuilding one from the event store (the platform's
 * replays do the work).
 */
package se.tidigt.gateway.admin;
