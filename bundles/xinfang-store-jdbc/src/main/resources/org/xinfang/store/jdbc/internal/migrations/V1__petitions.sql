-- Portable SQL (Derby 10.14 and PostgreSQL): VARCHAR, INTEGER, BIGINT, DATE only; instants as
-- epoch milliseconds so that no time zone conversion can shift them.
CREATE TABLE xf_sequence (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  next_value BIGINT NOT NULL
);

CREATE TABLE xf_petition (
  id VARCHAR(60) NOT NULL PRIMARY KEY,
  tracking_code VARCHAR(20) NOT NULL,
  verification_hash VARCHAR(64) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  channel VARCHAR(20) NOT NULL,
  subject VARCHAR(200) NOT NULL,
  content VARCHAR(20000) NOT NULL,
  category VARCHAR(50),
  location VARCHAR(6),
  received_on DATE NOT NULL,
  headcount INTEGER NOT NULL,
  registered_by VARCHAR(40) NOT NULL,
  owner_unit VARCHAR(40) NOT NULL,
  status VARCHAR(30) NOT NULL,
  registered_at BIGINT NOT NULL,
  CONSTRAINT xf_petition_tracking UNIQUE (tracking_code)
);
CREATE INDEX xf_petition_registered ON xf_petition (registered_at);
CREATE INDEX xf_petition_owner ON xf_petition (owner_unit);
CREATE INDEX xf_petition_by ON xf_petition (registered_by);

CREATE TABLE xf_petitioner (
  petition_id VARCHAR(60) NOT NULL,
  pos INTEGER NOT NULL,
  person_name VARCHAR(50) NOT NULL,
  id_number VARCHAR(18),
  phone VARCHAR(20),
  address VARCHAR(200),
  PRIMARY KEY (petition_id, pos),
  CONSTRAINT xf_petitioner_petition FOREIGN KEY (petition_id) REFERENCES xf_petition (id)
);
CREATE INDEX xf_petitioner_id_number ON xf_petitioner (id_number);

CREATE TABLE xf_event (
  petition_id VARCHAR(60) NOT NULL,
  seq INTEGER NOT NULL,
  at_millis BIGINT NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  unit_code VARCHAR(40) NOT NULL,
  node_id VARCHAR(40) NOT NULL,
  note VARCHAR(2000),
  PRIMARY KEY (petition_id, seq),
  CONSTRAINT xf_event_petition FOREIGN KEY (petition_id) REFERENCES xf_petition (id)
);
