-- Issue 12 (statistics read path): every case the statistics projection writes is stamped with the
-- statistics position of that write (its offers and collaborations belong to the case), so a reader
-- holding the facts as of position P reads only the cases stamped after P. Rows written before this
-- migration are stamped 0: the first load after it is a full one anyway.
ALTER TABLE case_fact ADD COLUMN changed_at_position BIGINT NOT NULL DEFAULT 0;
CREATE INDEX case_fact_changed_at_position ON case_fact (changed_at_position);

-- Moved by whatever deletes fact rows (the projection's reset): a reader whose facts are of another
-- generation reloads them all instead of applying the changes since its position.
ALTER TABLE statistics_position ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
