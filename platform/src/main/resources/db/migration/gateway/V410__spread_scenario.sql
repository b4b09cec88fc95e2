-- Scenarios of the spread investigation that an analyst kept (dryRun false): the answer as computed then,
-- so the report can print the chosen scenario as it was decided on.
CREATE TABLE spread_scenario (
    scenario_id   VARCHAR(64)  PRIMARY KEY,
    created_by    VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    document      JSONB        NOT NULL
);
