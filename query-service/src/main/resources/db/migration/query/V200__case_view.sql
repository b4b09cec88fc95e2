-- Each case as it stands now, for district users: kept in the same transaction as the case's
-- events (a subscribing processor), so a read right after a write shows it.
CREATE TABLE case_view (
    case_id          VARCHAR(64)  PRIMARY KEY,
    district         VARCHAR(64)  NOT NULL,
    work_model       VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    child_pseudonym  VARCHAR(128) NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    next_due_kind    VARCHAR(40),
    next_due_date    DATE,
    version          BIGINT       NOT NULL,
    document         JSONB        NOT NULL
);

CREATE INDEX case_view_district_status ON case_view (district, status, received_at DESC);
CREATE INDEX case_view_child ON case_view (child_pseudonym);
CREATE INDEX case_view_due ON case_view (district, next_due_date) WHERE next_due_date IS NOT NULL;
