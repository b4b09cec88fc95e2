-- The access log's insert trigger, rewritten to compute the same entry hash (V110, byte for byte)
-- in plain PL/pgSQL like the event chain's (V180), so that neither chain trigger relies on PostgreSQL
-- inlining a SQL function. The case ids, hashed before by a string_agg subquery (a query started for
-- every entry), are now encoded by a loop in the same order, NULL ids as int4(-1) as before.
-- Measured with pgbench (BENCHMARKS.md), the gain here is within the noise: tidigt_chain_field has an
-- immutable body and was already inlined into V110's cached plan, and the insert's own cost (three
-- indexes, one of them GIN) dominates. The advisory lock, the position, the read time and the order
-- in which they are taken are exactly V110's.
CREATE OR REPLACE FUNCTION tidigt_access_log_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    last_position BIGINT;
    last_hash BYTEA;
    case_id TEXT;
    case_fields BYTEA := ''::BYTEA;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tidigt.access_log'));
    SELECT position, entry_hash INTO last_position, last_hash FROM access_log ORDER BY position DESC LIMIT 1;
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
    RETURN NEW;
END $$;
