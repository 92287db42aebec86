-- Assessment (目标考核): each closed year kept exactly as it was closed, with the digest of what was shown.
CREATE TABLE xf_assessment (
  assessed_year INTEGER NOT NULL PRIMARY KEY,
  payload_utf8 ${binary} NOT NULL,
  digest VARCHAR(64) NOT NULL,
  closed_by VARCHAR(50) NOT NULL,
  closed_by_name VARCHAR(50),
  closed_by_title VARCHAR(100),
  closed_at BIGINT NOT NULL
);
