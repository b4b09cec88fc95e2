-- The rollout as the gateway reads it: kept in the transaction of each rollout event (a
-- subscribing processor), so a case raised a moment after an adoption already sees it.
CREATE TABLE work_model (
    code        VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    principles  JSONB        NOT NULL,
    defined_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE district_rollout_event (
    district         VARCHAR(64)  NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    event_type       VARCHAR(64)  NOT NULL,
    effective_from   DATE         NOT NULL,
    payload          JSONB        NOT NULL,
    PRIMARY KEY (district, sequence_number)
);

CREATE TABLE rollout_plan (
    plan_id   VARCHAR(64) PRIMARY KEY,
    document  JSONB       NOT NULL
);
