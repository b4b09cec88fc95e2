/**
 * Statistics per district, work model and month, computed from case facts kept by a pooled streaming
 * projection: exact for a district reading itself, protected (stats.protection) for everyone else.
 * Formulas in docs/statistics.md.
 */
package se.tidigt.query.stats;
