/**
 * What pins the audit trail down outside the database: the daily digests and the frequent checkpoints,
 * each signed with the deployment's Ed25519 key and written as a file of its own to the checkpoint
 * directory, and the comparison of the database with them.
 */
package se.tidigt.audit.signed;
