-- The access log's insert trigger, rewritten to compute the same entry hash (V110, byte for byte)
-- in plain PL/pgSQL like the event chain's (V180), so that neither chain trigger relies on PostgreSQL
-- inlining a SQL function. The case ids, hashed before by a string_agg subquery (a query started for
-- every entry), are now encoded by a loop in the same order, NULL ids as int4(-1) as before.
-- Measured with pgbench (BENCHMARKS.md), the gain of the inlining is within the noise.
--
-- The chain's head (the last entry's position and hash) is kept in a one-row table instead of being
-- looked up with "ORDER BY position DESC LIMIT 1" on the log itself. That query has no parameters, so
-- PL/pgSQL plans it once per connection and keeps the plan: made while the log was empty and freshly
-- analysed (a new installation, or the benchmark's VACUUM ANALYZE), the plan is a sequential scan and a
-- sort, and every later entry then read the whole log while holding the cluster-wide lock. Measured
-- (BENCHMARKS.md, "Access log: the chain's head"): one PostgreSQL backend at 100 % CPU and statistics
-- reads down from ~3,000 to ~20 a second once the log held a few hundred thousand entries, on a server
-- with autovacuum off (where no later ANALYZE replaces the plan). Reading one row costs the same at any size.
-- The head is only a pointer: the entries and their hashes are the log's, and a head set to anything
-- else makes the next entry chain to the wrong hash, which verification reports as a break.
-- The advisory lock, the position, the read time and the order in which they are taken are V110's.
CREATE TABLE access_log_head (
    only_row   BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    position   BIGINT  NOT NULL,
    entry_hash BYTEA
);
INSERT INTO access_log_head (position, entry_hash)
SELECT coalesce(max(position), 0), (SELECT entry_hash FROM access_log ORDER BY position DESC LIMIT 1)
FROM access_log;
-- Moved on, never removed: without its row the next entry would take position 1 again and be refused.
CREATE TRIGGER access_log_head_no_delete BEFORE DELETE ON access_log_head
    FOR EACH ROW EXECUTE FUNCTION tidigt_refuse_change();
CREATE TRIGGER access_log_head_no_truncate BEFORE TRUNCATE ON access_log_head
    FOR EACH STATEMENT EXECUTE FUNCTION tidigt_refuse_change();

CREATE OR REPLACE FUNCTION tidigt_access_log_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    last_position BIGINT;
    last_hash BYTEA;
    case_id TEXT;
    case_fields BYTEA := ''::BYTEA;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tidigt.access_log'));
    SELECT position, entry_hash INTO last_position, last_hash FROM access_log_head;
    NEW.position := coalesce(last_position, 0) + 1;
    NEW.read_at := date_trunc('microseconds', clock_timestamp());
    NEW.previous_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
    -- coalesce: a NULL array is refused by the column's NOT NULL after this trigger, as before, not here.
    FOREACH case_id IN ARRAY coalesce(NEW.case_ids, '{}') LOOP
        case_fields := case_fields || CASE WHEN case_id IS NULL THEN int4send(-1) ELSE
            int4send(octet_length(convert_to(case_id, 'UTF8'))) || convert_to(case_id, 'UTF8') END;
    END LOOP;
    NEW.entry_hash := sha256(NEW.previous_hash
        || int8send(NEW.position)
        || int8send((extract(epoch FROM NEW.read_at) * 1000000)::BIGINT)
        || CASE WHEN NEW.user_id IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.user_id, 'UTF8'))) || convert_to(NEW.user_id, 'UTF8') END
        || CASE WHEN NEW.role IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.role, 'UTF8'))) || convert_to(NEW.role, 'UTF8') END
        || CASE WHEN NEW.district IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.district, 'UTF8'))) || convert_to(NEW.district, 'UTF8') END
        || CASE WHEN NEW.endpoint IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.endpoint, 'UTF8'))) || convert_to(NEW.endpoint, 'UTF8') END
        || CASE WHEN NEW.path IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.path, 'UTF8'))) || convert_to(NEW.path, 'UTF8') END
        || int4send(cardinality(NEW.case_ids))
        || case_fields
        || CASE WHEN NEW.correlation_id IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.correlation_id, 'UTF8'))) || convert_to(NEW.correlation_id, 'UTF8') END);
    UPDATE access_log_head SET position = NEW.position, entry_hash = NEW.entry_hash;
    RETURN NEW;
END $$;
