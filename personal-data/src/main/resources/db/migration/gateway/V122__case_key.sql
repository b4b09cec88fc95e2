-- Each case's data key, outside the event store: free text about a family is sealed with it (AES-GCM),
-- and destroying it erases that text everywhere at once (crypto-shredding), while the events themselves
-- are never rewritten. The key is stored wrapped with the deployment's key-encryption key
-- (TIDIGT_KEY_ENCRYPTION_KEY), the case id bound in as associated data. An erased case keeps its row,
-- without a key, as the record that and why it was erased.
CREATE TABLE case_key (
    case_id         VARCHAR(64)  PRIMARY KEY,
    wrapped_key     BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at       TIMESTAMPTZ,
    erasure_ground  VARCHAR(16),
    CONSTRAINT case_key_erased_has_no_key CHECK (erased_at IS NULL OR wrapped_key IS NULL)
);
