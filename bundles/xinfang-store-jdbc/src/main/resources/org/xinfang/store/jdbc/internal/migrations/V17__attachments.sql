-- Attachments (附件): scanned letters and photos of a case. The fact is journalled (ATTACHMENT_ADDED); the bytes
-- are kept whole once complete and verified, and in pieces while they arrive from a child (docs/attachments.md).
CREATE TABLE xf_attachment (
  id VARCHAR(80) NOT NULL PRIMARY KEY,
  petition_id VARCHAR(60) NOT NULL,
  file_name VARCHAR(500) NOT NULL,
  media_type VARCHAR(50) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  added_at BIGINT NOT NULL,
  added_by VARCHAR(100) NOT NULL,
  added_by_name VARCHAR(50),
  added_by_title VARCHAR(100),
  unit_code VARCHAR(20) NOT NULL,
  node_id VARCHAR(20) NOT NULL,
  entry_origin VARCHAR(20) NOT NULL,
  entry_seq BIGINT NOT NULL,
  complete SMALLINT NOT NULL,
  piece_size INTEGER,
  pieces_received INTEGER NOT NULL,
  up_state VARCHAR(10) NOT NULL
);
CREATE INDEX xf_attachment_case ON xf_attachment (petition_id, added_at);
CREATE INDEX xf_attachment_up ON xf_attachment (up_state, complete, added_at);
CREATE TABLE xf_attachment_content (
  attachment_id VARCHAR(80) NOT NULL PRIMARY KEY,
  content ${binary} NOT NULL
);
CREATE TABLE xf_attachment_piece (
  attachment_id VARCHAR(80) NOT NULL,
  piece_index INTEGER NOT NULL,
  data ${binary} NOT NULL,
  PRIMARY KEY (attachment_id, piece_index)
);
