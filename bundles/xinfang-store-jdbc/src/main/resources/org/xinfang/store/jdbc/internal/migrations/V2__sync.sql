-- Sync: the journal (every change that must leave the node, own and relayed, in outbox order),
-- queues of messages for children, registered children, nonces, alarms, and small state values.
CREATE TABLE xf_journal (
  pos BIGINT NOT NULL PRIMARY KEY,
  origin VARCHAR(40) NOT NULL,
  origin_seq BIGINT NOT NULL,
  entry_type VARCHAR(40) NOT NULL,
  entity_id VARCHAR(60),
  at_millis BIGINT NOT NULL,
  payload VARCHAR(32000) NOT NULL,
  prev_hash VARCHAR(64) NOT NULL,
  entry_hash VARCHAR(64) NOT NULL,
  path VARCHAR(400) NOT NULL,
  stored_at BIGINT NOT NULL,
  CONSTRAINT xf_journal_origin_seq UNIQUE (origin, origin_seq)
);

CREATE TABLE xf_downbox (
  child_node VARCHAR(40) NOT NULL,
  seq BIGINT NOT NULL,
  msg_id VARCHAR(80) NOT NULL,
  recipient VARCHAR(40) NOT NULL,
  msg_type VARCHAR(40) NOT NULL,
  payload VARCHAR(32000) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (child_node, seq),
  CONSTRAINT xf_downbox_msg UNIQUE (child_node, msg_id)
);

CREATE TABLE xf_applied_message (
  msg_id VARCHAR(80) NOT NULL PRIMARY KEY,
  applied_at BIGINT NOT NULL
);

CREATE TABLE xf_sync_child (
  node_id VARCHAR(40) NOT NULL PRIMARY KEY,
  secret VARCHAR(200) NOT NULL,
  registered_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL
);

CREATE TABLE xf_sync_nonce (
  node_id VARCHAR(40) NOT NULL,
  nonce VARCHAR(64) NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (node_id, nonce)
);

CREATE TABLE xf_sync_alarm (
  id BIGINT NOT NULL PRIMARY KEY,
  at_millis BIGINT NOT NULL,
  kind VARCHAR(40) NOT NULL,
  node_id VARCHAR(40),
  message VARCHAR(1000) NOT NULL
);

CREATE TABLE xf_sync_state (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  val VARCHAR(400) NOT NULL
);

ALTER TABLE xf_petition ADD COLUMN origin_node VARCHAR(40);
ALTER TABLE xf_petition ADD COLUMN origin_seq BIGINT;
ALTER TABLE xf_petition ADD COLUMN path VARCHAR(400);
