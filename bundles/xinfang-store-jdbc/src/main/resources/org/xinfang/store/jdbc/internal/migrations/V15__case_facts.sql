-- What statistics count of each case (rules.CaseFact), rewritten in the transaction of every change to the
-- case, so that a figure over a million cases reads one narrow row per case, and the overdue list finds its
-- cases by the due day they wait on (indexed) instead of computing the clocks of every open case.
-- The rows of cases stored before this version are derived when the store starts.
CREATE TABLE xf_case_fact (
  case_id VARCHAR(60) NOT NULL PRIMARY KEY,
  received_on DATE NOT NULL,
  kind VARCHAR(20) NOT NULL,
  status VARCHAR(30) NOT NULL,
  channel VARCHAR(20) NOT NULL,
  category VARCHAR(50),
  owner_unit VARCHAR(40) NOT NULL,
  registered_by VARCHAR(40) NOT NULL,
  headcount INTEGER NOT NULL,
  repeated INTEGER NOT NULL,
  supervised INTEGER NOT NULL,
  major INTEGER NOT NULL,
  rating VARCHAR(30),
  active_due DATE,
  clocks VARCHAR(400)
);
CREATE INDEX xf_case_fact_received ON xf_case_fact (received_on);
CREATE INDEX xf_case_fact_due ON xf_case_fact (active_due);
-- the calendar the open clocks' due days were counted on, year by year: a changed year is counted again
CREATE TABLE xf_fact_state (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  state_value VARCHAR(4000) NOT NULL
);
