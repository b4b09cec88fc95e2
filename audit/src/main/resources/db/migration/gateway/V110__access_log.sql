-- The access log (issue 7, OSL 26:1): every read of case-level data, and every statistics query.
-- Append-only (triggers refuse UPDATE, DELETE, TRUNCATE) and hash-chained in one global order:
-- the insert trigger takes a transaction-scoped advisory lock, so positions are gap-free and each
-- entry chains to the one before it, whatever the number of concurrent readers. The lock is held
-- only for the short transaction of the insert (the application appends in a transaction of its own).
--
-- An entry's hash, byte for byte (AccessLogChain in the gateway recomputes it):
--   SHA-256( previous hash (32 zero bytes for position 1) || int8(position) || int8(read_at, µs since epoch)
--            || field(user_id) || field(role) || field(district) || field(endpoint) || field(path)
--            || int4(number of case ids) || field(case id)... || field(correlation_id) )
-- with field() as for the event chain (V2): 4-byte length || UTF-8 bytes, int4(-1) for NULL.
CREATE TABLE access_log (
    position       BIGINT        PRIMARY KEY,
    read_at        TIMESTAMPTZ   NOT NULL,
    user_id        VARCHAR(255)  NOT NULL,
    role           VARCHAR(40)   NOT NULL,
    district       VARCHAR(64),
    endpoint       VARCHAR(255)  NOT NULL,
    path           VARCHAR(2048) NOT NULL,
    case_ids       TEXT[]        NOT NULL DEFAULT '{}',
    correlation_id VARCHAR(100),
    previous_hash  BYTEA         NOT NULL,
    entry_hash     BYTEA         NOT NULL
);

CREATE INDEX access_log_case_ids ON access_log USING GIN (case_ids);
CREATE INDEX access_log_user ON access_log (user_id, read_at);
CREATE INDEX access_log_read_at ON access_log (read_at);

CREATE FUNCTION tidigt_access_log_chain() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    last_position BIGINT;
    last_hash BYTEA;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tidigt.access_log'));
    SELECT position, entry_hash INTO last_position, last_hash FROM access_log ORDER BY position DESC LIMIT 1;
    NEW.position := coalesce(last_position, 0) + 1;
    NEW.read_at := date_trunc('microseconds', clock_timestamp());
    NEW.previous_hash := coalesce(last_hash, tidigt_chain_genesis());
    NEW.entry_hash := sha256(NEW.previous_hash
        || int8send(NEW.position)
        || int8send((extract(epoch FROM NEW.read_at) * 1000000)::BIGINT)
        || tidigt_chain_field(convert_to(NEW.user_id, 'UTF8'))
        || tidigt_chain_field(convert_to(NEW.role, 'UTF8'))
        || tidigt_chain_field(convert_to(NEW.district, 'UTF8'))
        || tidigt_chain_field(convert_to(NEW.endpoint, 'UTF8'))
        || tidigt_chain_field(convert_to(NEW.path, 'UTF8'))
        || int4send(cardinality(NEW.case_ids))
        || coalesce((SELECT string_agg(tidigt_chain_field(convert_to(id, 'UTF8')), ''::BYTEA ORDER BY n)
                     FROM unnest(NEW.case_ids) WITH ORDINALITY AS ids(id, n)), ''::BYTEA)
        || tidigt_chain_field(convert_to(NEW.correlation_id, 'UTF8')));
    RETURN NEW;
END $$;

CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log
    FOR EACH ROW EXECUTE FUNCTION tidigt_access_log_chain();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION tidigt_refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION tidigt_refuse_change();
