/**
 * The statistics for dashboards and districts, with suppression for city-level readers, as JSON or CSV.
 */
package se.tidigt.gateway.stats;
