-- The event chain's insert trigger, rewritten to compute the same link (V2, byte for byte) without
-- calling SQL-language functions per row. Why: tidigt_event_link is declared IMMUTABLE but its body
-- calls convert_to (STABLE), so PostgreSQL never inlines it; the trigger ran it as a SQL function,
-- whose body is parsed and planned again in each transaction and given an executor of its own on
-- each call. A REST write appends its events one statement at a time, so it paid that on every write:
-- measured with pgbench, a one-row insert per transaction took 0.22-0.24 ms with the V2 trigger
-- against 0.07-0.10 ms with none, while a bulk insert paid only ~23 µs a row; pg_stat_statements put
-- the event INSERT at 0.22-0.28 ms, the largest database cost of a write. Here every expression is
-- plain PL/pgSQL, planned once per connection and cached: 0.11-0.12 ms for the same insert
-- (BENCHMARKS.md, "Audit: the chain trigger and the access log", has the runs).
--
-- field(x) is written out inline (CASE, as in tidigt_chain_field): a PL/pgSQL helper function
-- measured slower. tidigt_event_link, tidigt_chain_field and tidigt_chain_genesis stay: they are the
-- formula's definition in SQL, and the tests hold this trigger's links equal to tidigt_event_link's.
CREATE OR REPLACE FUNCTION tidigt_chain_event() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF NEW.sequencenumber > 0 THEN
        SELECT chain_hash INTO previous FROM domainevententry
        WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
    END IF;
    -- A missing predecessor (only possible after tampering) chains from the genesis; verify reports the gap.
    NEW.chain_hash := sha256(coalesce(previous, decode(repeat('00', 32), 'hex'))
        || CASE WHEN NEW.aggregateidentifier IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.aggregateidentifier, 'UTF8'))) || convert_to(NEW.aggregateidentifier, 'UTF8') END
        || CASE WHEN NEW.type IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.type, 'UTF8'))) || convert_to(NEW.type, 'UTF8') END
        || int8send(NEW.sequencenumber)
        || CASE WHEN NEW.eventidentifier IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.eventidentifier, 'UTF8'))) || convert_to(NEW.eventidentifier, 'UTF8') END
        || CASE WHEN NEW.payloadtype IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.payloadtype, 'UTF8'))) || convert_to(NEW.payloadtype, 'UTF8') END
        || CASE WHEN NEW.payloadrevision IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.payloadrevision, 'UTF8'))) || convert_to(NEW.payloadrevision, 'UTF8') END
        || CASE WHEN NEW.payload IS NULL THEN int4send(-1) ELSE int4send(octet_length(NEW.payload)) || NEW.payload END
        || CASE WHEN NEW.metadata IS NULL THEN int4send(-1) ELSE int4send(octet_length(NEW.metadata)) || NEW.metadata END
        || CASE WHEN NEW.timestamp IS NULL THEN int4send(-1) ELSE
               int4send(octet_length(convert_to(NEW.timestamp, 'UTF8'))) || convert_to(NEW.timestamp, 'UTF8') END);
    RETURN NEW;
END $$;
