-- What the statistics are computed from: one row per case (and per offer, per partner), fed by the
-- pooled streaming processor "case-statistics". Each case row keeps the last sequence number it
-- applied, so a replay or a repeated event never counts twice. Rebuildable at any time.
CREATE TABLE case_fact (
    case_id                     VARCHAR(64)  PRIMARY KEY,
    last_sequence               BIGINT       NOT NULL,
    district                    VARCHAR(64)  NOT NULL,   -- where the concern was raised
    current_district            VARCHAR(64)  NOT NULL,   -- where the case is now (after transfers)
    work_model                  VARCHAR(64)  NOT NULL,
    concerns                    VARCHAR(300) NOT NULL,   -- comma-separated ConcernKind names
    child_pseudonym             VARCHAR(128) NOT NULL,
    birth_month                 DATE         NOT NULL,   -- first day of the birth month
    received_at                 TIMESTAMPTZ  NOT NULL,
    protection_assessed_at      TIMESTAMPTZ,
    initial_assessed_at         TIMESTAMPTZ,
    initial_decision            VARCHAR(40),
    investigation_opened_at     TIMESTAMPTZ,
    investigation_due           DATE,
    investigation_concluded_at  TIMESTAMPTZ,
    investigation_outcome       VARCHAR(40),
    closed_at                   TIMESTAMPTZ,
    workers                     INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX case_fact_received ON case_fact (received_at);
CREATE INDEX case_fact_child ON case_fact (child_pseudonym);

CREATE TABLE case_worker_fact (
    case_id    VARCHAR(64) NOT NULL,
    worker_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, worker_id)
);

CREATE TABLE offer_fact (
    case_id      VARCHAR(64) NOT NULL,
    offer_id     VARCHAR(64) NOT NULL,
    offered_at   TIMESTAMPTZ NOT NULL,
    answer       VARCHAR(16),
    answered_at  TIMESTAMPTZ,
    started_at   TIMESTAMPTZ,
    ended_at     TIMESTAMPTZ,
    PRIMARY KEY (case_id, offer_id)
);

CREATE TABLE collaboration_fact (
    case_id  VARCHAR(64) NOT NULL,
    partner  VARCHAR(32) NOT NULL,
    count    INTEGER     NOT NULL,
    PRIMARY KEY (case_id, partner)
);

CREATE TABLE open_access_fact (
    tally_id   VARCHAR(200) NOT NULL,
    sequence   BIGINT       NOT NULL,
    district   VARCHAR(64)  NOT NULL,
    month      DATE         NOT NULL,
    kind       VARCHAR(40)  NOT NULL,
    count      INTEGER      NOT NULL,
    PRIMARY KEY (tally_id, sequence)
);
