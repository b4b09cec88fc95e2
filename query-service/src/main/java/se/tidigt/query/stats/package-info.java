/**
 * Statistics per district, work model and month, computed from case facts kept by a pooled streaming
 * projection; suppression of small counts. Formulas in docs/statistics.md.
 */
package se.tidigt.query.stats;
