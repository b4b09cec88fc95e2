-- Idempotency keys are stored keyed (HMAC with a key derived from the deployment's secret), like the
-- request fingerprint since V121. The rows written before held keys in clear, and an imported line's key
-- was an unkeyed SHA-256 of the line, which holds a child's identity number: they are removed. A retry of
-- a request answered before this migration is then treated as a new request.
DELETE FROM idempotent_request;
