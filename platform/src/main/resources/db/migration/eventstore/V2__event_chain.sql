-- Tamper evidence (issue 7): every event carries a SHA-256 hash chaining it to the previous event of
-- its stream, computed by the database as the row is inserted. A trigger, not application code, so
-- that every append path (REST, import, demo data, any future writer) is chained and no code path can
-- forget it or supply a hash of its own: the trigger always overwrites chain_hash. A concurrent writer
-- cannot fork a stream: two appends of the same sequence number collide on the unique
-- (aggregateidentifier, sequencenumber) key and only one commits, and the predecessor a writer chains
-- to is visible to it (Axon loaded it before deciding). The chain alone does not stop someone with
-- write access from recomputing every hash after an edit; the daily digests, published outside the
-- database, are what pin the history down (see README, "Auditing").
--
-- The link of an event, byte for byte (the offline verifier, VerifyExport, computes the same):
--   SHA-256( previous link (32 zero bytes for the first event of a stream)
--            || field(aggregateidentifier) || field(type) || int8(sequencenumber) || field(eventidentifier)
--            || field(payloadtype) || field(payloadrevision) || field(payload) || field(metadata)
--            || field(timestamp) )
-- where field(x) = 4-byte big-endian length || bytes (text as UTF-8), and field(NULL) = int4(-1).
-- The business time (occurredAt) is inside the payload bytes; the recording time is the timestamp.

ALTER TABLE domainevententry ADD COLUMN chain_hash BYTEA;

CREATE FUNCTION tidigt_chain_field(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(octet_length(value)) || value END
$$;

CREATE FUNCTION tidigt_chain_genesis() RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT decode(repeat('00', 32), 'hex')
$$;

CREATE FUNCTION tidigt_event_link(previous BYTEA, aggregate_id TEXT, aggregate_type TEXT, sequence BIGINT,
                                  event_id TEXT, payload_type TEXT, payload_revision TEXT, payload BYTEA,
                                  metadata BYTEA, recorded_at TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(previous
        || tidigt_chain_field(convert_to(aggregate_id, 'UTF8'))
        || tidigt_chain_field(convert_to(aggregate_type, 'UTF8'))
        || int8send(sequence)
        || tidigt_chain_field(convert_to(event_id, 'UTF8'))
        || tidigt_chain_field(convert_to(payload_type, 'UTF8'))
        || tidigt_chain_field(convert_to(payload_revision, 'UTF8'))
        || tidigt_chain_field(payload)
        || tidigt_chain_field(metadata)
        || tidigt_chain_field(convert_to(recorded_at, 'UTF8')))
$$;

-- When the chain began, and how many events were already stored then (chained here, after the fact).
CREATE TABLE event_chain_start (
    started_at                  TIMESTAMPTZ NOT NULL,
    events_chained_by_migration BIGINT      NOT NULL,
    last_global_index           BIGINT      NOT NULL
);

DO $$
DECLARE
    r RECORD;
    link BYTEA;
    stream TEXT := NULL;
    chained BIGINT := 0;
BEGIN
    FOR r IN SELECT globalindex, aggregateidentifier, type, sequencenumber, eventidentifier, payloadtype,
                    payloadrevision, payload, metadata, timestamp
             FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF stream IS DISTINCT FROM r.aggregateidentifier THEN
            link := tidigt_chain_genesis();
            stream := r.aggregateidentifier;
        END IF;
        link := tidigt_event_link(link, r.aggregateidentifier, r.type, r.sequencenumber, r.eventidentifier,
                                  r.payloadtype, r.payloadrevision, r.payload, r.metadata, r.timestamp);
        UPDATE domainevententry SET chain_hash = link WHERE globalindex = r.globalindex;
        chained := chained + 1;
    END LOOP;
    INSERT INTO event_chain_start
    VALUES (now(), chained, coalesce((SELECT max(globalindex) FROM domainevententry), 0));
END $$;

ALTER TABLE domainevententry ALTER COLUMN chain_hash SET NOT NULL;

CREATE FUNCTION tidigt_chain_event() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequencenumber > 0 THEN
        SELECT chain_hash INTO previous FROM domainevententry
        WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
    END IF;
    -- A missing predecessor (only possible after tampering) chains from the genesis; verify reports the gap.
    NEW.chain_hash := tidigt_event_link(coalesce(previous, tidigt_chain_genesis()), NEW.aggregateidentifier,
        NEW.type, NEW.sequencenumber, NEW.eventidentifier, NEW.payloadtype, NEW.payloadrevision, NEW.payload,
        NEW.metadata, NEW.timestamp);
    RETURN NEW;
END $$;

CREATE TRIGGER domainevententry_chain BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION tidigt_chain_event();

-- Events are facts: no update, delete or truncate through any connection that keeps triggers on.
-- (Erasure is crypto-shredding of keys held elsewhere, never a rewrite of these rows.)
CREATE FUNCTION tidigt_refuse_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER domainevententry_append_only BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION tidigt_refuse_change();
CREATE TRIGGER domainevententry_no_truncate BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION tidigt_refuse_change();
