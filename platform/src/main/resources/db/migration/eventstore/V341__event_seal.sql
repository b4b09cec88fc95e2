-- Each event carries a seal written by the application as it appends: HMAC-SHA256 under the deployment's
-- seal key (TIDIGT_AUDIT_SEAL_KEY, or a key derived from the pseudonym key), which the database never
-- holds, over the event's global index and every column the chain covers (VerifyExport.seal). A row
-- inserted or rewritten with SQL, even with its chain recomputed or its global index swapped with another
-- event's, has no valid seal, and verify names it at once. The chain (V2, V180) is unchanged: the seal is
-- a column beside it, not an input to it.
--
-- The application takes the event's global index from the sequence itself, in the statement before its
-- insert, so that the seal can cover it (the index is then assigned exactly as the column's default would).
ALTER TABLE domainevententry ADD COLUMN seal BYTEA;

-- Events stored before sealing began carry none; verify accepts that only at or below this index. The
-- value is repeated in every signed checkpoint, so moving it up to hide an unsealed row is found too.
CREATE TABLE event_seal_start (
    only_row          BOOLEAN     PRIMARY KEY DEFAULT true CHECK (only_row),
    started_at        TIMESTAMPTZ NOT NULL,
    last_global_index BIGINT      NOT NULL
);
INSERT INTO event_seal_start (started_at, last_global_index)
VALUES (now(), coalesce((SELECT max(globalindex) FROM domainevententry), 0));
CREATE TRIGGER event_seal_start_append_only BEFORE UPDATE OR DELETE ON event_seal_start
    FOR EACH ROW EXECUTE FUNCTION tidigt_refuse_change();
CREATE TRIGGER event_seal_start_no_truncate BEFORE TRUNCATE ON event_seal_start
    FOR EACH STATEMENT EXECUTE FUNCTION tidigt_refuse_change();
