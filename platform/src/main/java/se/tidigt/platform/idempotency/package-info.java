/**
 * Idempotency keys: a retried POST gets its first answer and stores nothing new.
 */
package se.tidigt.platform.idempotency;
