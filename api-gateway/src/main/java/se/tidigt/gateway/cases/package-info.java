/**
 * District users record and read their cases: one POST per lifecycle step, the case list, search by
 * child, the deadline worklist, the NDJSON import and open-access support.
 */
package se.tidigt.gateway.cases;
