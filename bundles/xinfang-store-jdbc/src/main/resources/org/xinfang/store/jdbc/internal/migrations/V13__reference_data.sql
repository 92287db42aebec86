-- Reference data kept at the top of the network and synced down (the managed list of problem categories):
-- one versioned JSON document per name. A copy from above replaces the one held only with a higher version.
CREATE TABLE xf_reference (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  doc_version BIGINT NOT NULL,
  payload_utf8 ${binary} NOT NULL,
  updated_at BIGINT NOT NULL
);
