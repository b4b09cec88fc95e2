-- The daily digest covers every stream, not only cases: rollouts, work models, plans and open-access
-- tallies are chained like cases, and their heads are leaves of the same Merkle tree. It also binds the
-- access log's head at the day's end (position and the entry's hash), so a log cut short or rewritten
-- before that day's end changes the digest. Format 2; the rows stored before (format 1) covered cases
-- only and are still verified as they were computed.
--
-- A digest of format 2, byte for byte (VerifyExport.DayDigest computes the same):
--   SHA-256( field("tidigt-digest/2") || field(date) || int8(streams) || Merkle root over every stream's head
--            || int8(access log position) || access log head hash )
-- and the Ed25519 signature over its statement (the text VerifyExport.DayDigest.statement gives), made
-- with the deployment's signing key, which the database never holds.
ALTER TABLE audit_digest ADD COLUMN format SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE audit_digest ADD COLUMN streams INTEGER;
ALTER TABLE audit_digest ADD COLUMN access_log_position BIGINT;
ALTER TABLE audit_digest ADD COLUMN access_log_head BYTEA;
ALTER TABLE audit_digest ADD COLUMN signature BYTEA;
