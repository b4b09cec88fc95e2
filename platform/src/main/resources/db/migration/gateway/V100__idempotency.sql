-- The first answer to every POST sent with an Idempotency-Key, kept so that a retry gets it again.
-- Written in the same transaction as the events the request stored: both or neither.
CREATE TABLE idempotent_request (
    principal        VARCHAR(200)  NOT NULL,
    idempotency_key  VARCHAR(200)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    status           INTEGER       NOT NULL,
    location         VARCHAR(500),
    etag             VARCHAR(100),
    body             TEXT,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);
