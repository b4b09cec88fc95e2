/**
 * Tamper evidence: each case's hash chain as the database stores it, recomputed and checked; the
 * daily digests over every case's chain head; case exports that an outside party verifies offline.
 */
package se.tidigt.audit.chain;
