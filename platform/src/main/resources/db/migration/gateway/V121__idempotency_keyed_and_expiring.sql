-- Idempotency records expire (a day by default), and their request fingerprint becomes keyed (HMAC with a
-- key derived from the deployment's secret). The rows written before held an unkeyed SHA-256 of a body
-- that contained a child's identity number, which can be recovered by trying numbers: they are removed.
-- A retry of a request answered before this migration is then treated as a new request.
DELETE FROM idempotent_request;
ALTER TABLE idempotent_request ADD COLUMN expires_at TIMESTAMPTZ NOT NULL DEFAULT now() + INTERVAL '1 day';
CREATE INDEX idempotent_request_expiry ON idempotent_request (expires_at);
