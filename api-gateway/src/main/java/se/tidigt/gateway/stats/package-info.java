/**
 * The statistics for dashboards and districts, exact for a district reading itself and protected by
 * the cell-key method for everyone else, as JSON or CSV.
 */
package se.tidigt.gateway.stats;
