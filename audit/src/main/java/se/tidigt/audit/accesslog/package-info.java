/**
 * The access log (OSL 26:1): every read of case data and every statistics query, appended before
 * the answer leaves, append-only and hash-chained; searched and verified by auditors.
 */
package se.tidigt.audit.accesslog;
