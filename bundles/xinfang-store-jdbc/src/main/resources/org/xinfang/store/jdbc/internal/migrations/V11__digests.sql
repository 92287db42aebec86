-- The monthly digest (信访摘报), one per month. payload_utf8 is the digest as the store reads it back;
-- document_utf8 is the JSON the API serves for it, byte for byte, and document_sha256 its SHA-256. A signed
-- digest's row is never written again. The digest stays on its node: nothing here is journalled.
CREATE TABLE xf_digest (
  digest_month VARCHAR(7) NOT NULL PRIMARY KEY,
  digest_status VARCHAR(10) NOT NULL,
  digest_version INTEGER NOT NULL,
  payload_utf8 ${binary} NOT NULL,
  document_utf8 ${binary} NOT NULL,
  document_sha256 VARCHAR(64) NOT NULL,
  changed_at BIGINT NOT NULL
);
