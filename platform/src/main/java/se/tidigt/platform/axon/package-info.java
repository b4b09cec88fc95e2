/**
 * Axon on PostgreSQL: aggregates registered, duplicate keys recognised, who acted on every event, the write path.
 */
package se.tidigt.platform.axon;
