-- Issue 12 (statistics read path): a counter the rollout projection moves forward in the transaction
-- of every write to its tables (and its reset), so cached statistics that depend on the rollout
-- (the rollout effect) are keyed by one number instead of a hash of both tables per request.
CREATE TABLE rollout_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO rollout_version (id, version) VALUES (1, 0);
