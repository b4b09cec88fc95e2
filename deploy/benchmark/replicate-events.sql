-- Fills an event store fast for the benchmark: copies the cases the demo generator wrote (through the
-- command side, so every byte is the application's own serialisation) :replicas times, each copy a
-- new case (its id and event ids suffixed with -b<copy>) of a new child (the pseudonym's first 8 hex
-- digits replaced by the copy's number, so copies never share a child but a child's several cases
-- stay one child within a copy). Rows go in stream order so the chain trigger finds each event's
-- predecessor; the trigger computes every hash as on any write. Run with the application stopped.
-- psql -v template_max=<the last globalindex the generator wrote> -v first=1 -v last=N
INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
SELECT e.aggregateidentifier || '-b' || k, e.sequencenumber, e.type, e.eventidentifier || '-b' || k, e.metadata,
       convert_to(regexp_replace(replace(convert_from(e.payload, 'UTF8'), e.aggregateidentifier,
                                         e.aggregateidentifier || '-b' || k),
                                 '"pseudonym":"[0-9a-f]{8}', '"pseudonym":"' || lpad(to_hex(k), 8, '0')), 'UTF8'),
       e.payloadrevision, e.payloadtype, e.timestamp
FROM generate_series(:first, :last) AS k
CROSS JOIN domainevententry e
WHERE e.type = 'Case' AND e.globalindex <= :template_max
ORDER BY k, e.aggregateidentifier, e.sequencenumber;
