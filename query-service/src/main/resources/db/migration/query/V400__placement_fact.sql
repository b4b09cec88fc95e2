-- Out-of-home placements, one row per placement of a case, fed by the statistics projection like offer_fact
-- (the case's row carries the last sequence applied and the change stamp). Rebuildable at any time.
CREATE TABLE placement_fact (
    case_id       VARCHAR(64) NOT NULL,
    placement_id  VARCHAR(64) NOT NULL,
    kind          VARCHAR(32) NOT NULL,
    compulsory    BOOLEAN     NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    PRIMARY KEY (case_id, placement_id)
);
