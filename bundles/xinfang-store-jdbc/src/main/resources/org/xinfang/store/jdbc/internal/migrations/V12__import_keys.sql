-- Historic cases imported from an office's old register (历史数据导入): each source number of a source is
-- imported once. The key is written in the transaction that stores the case, so two imports of the same row
-- at the same moment store it once: the second waits on the key and is refused.
CREATE TABLE xf_import_key (
  source_name VARCHAR(100) NOT NULL,
  source_number VARCHAR(60) NOT NULL,
  petition_id VARCHAR(60) NOT NULL,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (source_name, source_number)
);
