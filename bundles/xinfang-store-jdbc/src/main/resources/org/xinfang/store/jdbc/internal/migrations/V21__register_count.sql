-- How many cases the register holds, kept in the transaction of every writer of a new case (RowWriter), so that
-- the inbox's unfiltered total is read from a few rows instead of a COUNT(*) over the register (issue 16: at a
-- million cases that count was most of the inbox's 300-400 ms). Cases are never deleted. The count is striped:
-- each transaction adds to one of 16 rows (chosen by its thread), so concurrent writers of cases (a group commit
-- of registrations, a child's push, an import) seldom wait for one another's row; the total is their sum.
CREATE TABLE xf_case_count (
  stripe INTEGER NOT NULL PRIMARY KEY,
  cases BIGINT NOT NULL
);
INSERT INTO xf_case_count (stripe, cases) SELECT 0, COUNT(*) FROM xf_petition;
INSERT INTO xf_case_count (stripe, cases) VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0),
  (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0);
-- An open case whose organ clock is paused by a hearing waits on that clock but has no due day (active_due is
-- null): marked here, indexed, so that the list of every clock running ("open" deadlines) is found through the
-- facts' indexes (due day or paused) instead of reading every case not closed whole (most of a district's
-- register: a decided case is not closed until its review time has passed).
ALTER TABLE xf_case_fact ADD COLUMN paused INTEGER;
UPDATE xf_case_fact SET paused = 1 WHERE active_due IS NULL AND clocks LIKE '%=P%' AND status NOT IN ('REDIRECTED',
  'NOT_ACCEPTED', 'MEDIATED', 'TERMINATED', 'REPLIED', 'ARCHIVED');
CREATE INDEX xf_case_fact_paused ON xf_case_fact (paused);
-- The cases with an event of a type (alerts of major matters, supervisions, leaders' cases on the home page) found
-- through an index of their own instead of a join over every event of the register.
CREATE INDEX xf_event_type ON xf_event (event_type, petition_id);
