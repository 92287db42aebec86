-- Reads of full personal data (ID numbers, phones, addresses, the material of a 检举控告): who asked to see which
-- fields of which case, when, at which node. Journalled with the read (PERSONAL_DATA_READ), so the nodes above
-- hold the reads of the nodes below; listed per case and per person (docs/security.md).
CREATE TABLE xf_personal_read (
  id VARCHAR(80) NOT NULL PRIMARY KEY,
  petition_id VARCHAR(60) NOT NULL,
  reader VARCHAR(100) NOT NULL,
  reader_name VARCHAR(50),
  reader_title VARCHAR(100),
  unit_code VARCHAR(40) NOT NULL,
  node_id VARCHAR(60) NOT NULL,
  read_at BIGINT NOT NULL,
  fields VARCHAR(200) NOT NULL
);
CREATE INDEX xf_personal_read_case ON xf_personal_read (petition_id, read_at);
CREATE INDEX xf_personal_read_reader ON xf_personal_read (node_id, reader, read_at);
