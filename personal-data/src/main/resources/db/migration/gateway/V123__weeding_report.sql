-- What each weeding run (gallring) erased and what research retention kept: the stored report.
CREATE TABLE weeding_report (
    run_id              VARCHAR(64)  PRIMARY KEY,
    weeding_year        INTEGER      NOT NULL,
    ran_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_entry_before   TIMESTAMPTZ  NOT NULL,
    weeded              INTEGER      NOT NULL,
    kept_for_research   INTEGER      NOT NULL,
    weeded_cases        JSONB        NOT NULL
);
CREATE INDEX weeding_report_year ON weeding_report (weeding_year, ran_at);
