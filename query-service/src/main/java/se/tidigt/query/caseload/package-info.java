/**
 * A district's caseload: open cases per worker and per filled full-time post, month by month, from the
 * case views and the district's staffing records. For the district itself, exact.
 */
package se.tidigt.query.caseload;
