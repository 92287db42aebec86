-- Petitioners and timeline events are written only by the store, in the transaction that writes or
-- has just read their case, and cases are never deleted; the two foreign keys checked that again
-- for every row. In Derby each also kept a backing index on petition_id of its own (the primary keys
-- (petition_id, pos) and (petition_id, seq) are not shared with it): two of the twelve index entries
-- and two look-ups into xf_petition for every case a node receives, about a sixth of taking a pushed
-- batch. The primary keys still keep every row unique and findable by case.
ALTER TABLE xf_petitioner DROP CONSTRAINT xf_petitioner_petition;
ALTER TABLE xf_event DROP CONSTRAINT xf_event_petition;
