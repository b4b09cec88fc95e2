/** A district's caseload for the district itself: open cases per worker and per filled full-time post, over time. */
package se.tidigt.gateway.caseload;
