/**
 * For auditors: any case's history read from the event store itself, its state at any past moment,
 * proof that the stored history is unaltered (hash chains, daily digests, offline-verifiable exports),
 * and the access log of every read of case data. Only the auditor role reaches these endpoints.
 */
package se.tidigt.gateway.audit;
