-- Axon's JDBC sequenced dead-letter queue (JdbcSequencedDeadLetterQueue), where a streaming
-- projection parks the events of a case whose handler failed, so the other cases go on.
-- Columns and indexes as Axon's GenericDeadLetterTableFactory creates them for the default
-- DeadLetterSchema, with PostgreSQL types: BYTEA for Axon's BLOBs (the event store does the same)
-- and TEXT for the cause (Axon truncates it to 1,024 characters, one more than its VARCHAR(1023)).
-- Unquoted camelCase as Axon writes it, which PostgreSQL folds to lower case.
CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255) NOT NULL,
    processinggroup      VARCHAR(255) NOT NULL,
    sequenceidentifier   VARCHAR(255) NOT NULL,
    sequenceindex        BIGINT       NOT NULL,
    messagetype          VARCHAR(255) NOT NULL,
    eventidentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadtype          VARCHAR(255) NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255) NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         TEXT,
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_pk PRIMARY KEY (deadletteridentifier),
    CONSTRAINT deadletterentry_sequence_index_uk UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_processing_group ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence ON deadletterentry (processinggroup, sequenceidentifier);
