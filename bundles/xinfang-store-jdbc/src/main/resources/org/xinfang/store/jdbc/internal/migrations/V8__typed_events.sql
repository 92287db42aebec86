-- Typed events (run by the Java step V8__typed_events, which then converts the rows held).
-- A case's version is the length of its timeline; a step is recorded only against the version it was
-- checked on (UPDATE ... WHERE case_version = ?). The digest of the timeline's event ids lets two nodes
-- compare their copies without sending them.
ALTER TABLE xf_petition ADD COLUMN case_version INTEGER;
ALTER TABLE xf_petition ADD COLUMN timeline_digest VARCHAR(64);
-- Every event has an identity in the whole network (the node that recorded it and its journal
-- sequence there), typed attributes as a JSON object, and the person's name and title.
ALTER TABLE xf_event ADD COLUMN event_id VARCHAR(80);
ALTER TABLE xf_event ADD COLUMN attrs VARCHAR(16000);
ALTER TABLE xf_event ADD COLUMN actor_name VARCHAR(50);
ALTER TABLE xf_event ADD COLUMN actor_title VARCHAR(100);

-- Steps of this node that a node above did not take (the case had moved on): told to the clerk.
CREATE TABLE xf_conflict (
  event_id VARCHAR(80) NOT NULL PRIMARY KEY,
  petition_id VARCHAR(60) NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  actor_name VARCHAR(50),
  actor_title VARCHAR(100),
  unit_code VARCHAR(40) NOT NULL,
  at_millis BIGINT NOT NULL,
  refused_by VARCHAR(40) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  noticed_at BIGINT NOT NULL
);
CREATE INDEX xf_conflict_case ON xf_conflict (petition_id);

-- Entries of a child that were kept (the chain stays whole) but not applied.
CREATE TABLE xf_refused_entry (
  origin VARCHAR(40) NOT NULL,
  origin_seq BIGINT NOT NULL,
  petition_id VARCHAR(60),
  from_node VARCHAR(40) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  at_millis BIGINT NOT NULL,
  PRIMARY KEY (origin, origin_seq)
);

-- Receipts the parent signed for this node's own chain: its history is witnessed up to each.
CREATE TABLE xf_receipt (
  origin VARCHAR(40) NOT NULL,
  origin_seq BIGINT NOT NULL,
  entry_hash VARCHAR(64) NOT NULL,
  at_millis BIGINT NOT NULL,
  parent VARCHAR(40) NOT NULL,
  parent_key VARCHAR(200) NOT NULL,
  signature VARCHAR(200) NOT NULL,
  PRIMARY KEY (origin, origin_seq)
);

-- The newest comparison of each node's copies with its parent's.
CREATE TABLE xf_consistency (
  node_id VARCHAR(40) NOT NULL PRIMARY KEY,
  parent VARCHAR(40) NOT NULL,
  checked_at BIGINT NOT NULL,
  cases INTEGER NOT NULL,
  differing VARCHAR(32000) NOT NULL
);

-- When each chain was last witnessed here, and how far the network says it goes.
ALTER TABLE xf_chain_head ADD COLUMN advanced_at BIGINT;
ALTER TABLE xf_chain_head ADD COLUMN reported_seq BIGINT;
ALTER TABLE xf_chain_head ADD COLUMN reported_at BIGINT;

-- Alarms that travelled up from the node that raised them.
ALTER TABLE xf_sync_alarm ADD COLUMN raised_at VARCHAR(40);
