/**
 * Disclosure control for every reader but the district itself: the cell-key perturbation method of
 * national statistics offices (ABS TableBuilder, ONS census flexible tables), with record keys
 * derived from the deployment's secret. Method, parameters and bias in docs/statistics.md.
 */
package se.tidigt.query.stats.protection;
