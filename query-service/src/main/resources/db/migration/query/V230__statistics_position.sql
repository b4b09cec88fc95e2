-- Issue 12: a counter the case-statistics projection moves forward in the transaction of every write
-- to the fact tables. Statistics results are cached per value, so a cached answer is never one the
-- facts no longer support, on any instance sharing this database.
CREATE TABLE statistics_position (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO statistics_position (id, version) VALUES (1, 0);
