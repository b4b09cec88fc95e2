-- One digest per Europe/Stockholm day over every case's chain head at the end of that day (issue 7).
-- Computed once and kept: the first computation wins (primary key), and the row can never change.
CREATE TABLE audit_digest (
    day         DATE        PRIMARY KEY,
    digest      BYTEA       NOT NULL,
    cases       INTEGER     NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TRIGGER audit_digest_append_only BEFORE UPDATE OR DELETE ON audit_digest
    FOR EACH ROW EXECUTE FUNCTION tidigt_refuse_change();
CREATE TRIGGER audit_digest_no_truncate BEFORE TRUNCATE ON audit_digest
    FOR EACH STATEMENT EXECUTE FUNCTION tidigt_refuse_change();
