/**
 * How the projections' processors treat a failing handler: never by skipping the event. Projections
 * inside the write's transaction fail the write; streaming projections park the failing case's
 * events in Axon's JDBC dead-letter queue, retry them, and let every other case go on.
 */
package se.tidigt.platform.projections;
