-- The instances running against this database, each with its heartbeat (se.tidigt.gateway.cluster):
-- how the streaming projections' segments are shared out, and what an operator sees as running.
-- node_id is the name Axon's token store records as a segment's owner (pid@host).
CREATE TABLE IF NOT EXISTS cluster_member (
    node_id      VARCHAR(255) PRIMARY KEY,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
