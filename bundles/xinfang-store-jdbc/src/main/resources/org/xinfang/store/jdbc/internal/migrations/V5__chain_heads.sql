-- The head of every chain held here (the node's own and each origin relayed through it): its last
-- sequence and that entry's hash, kept in the same transaction as the journal rows. A push then
-- checks continuity and the status reports what is held without reading the journal, whose size
-- grows without bound (MAX(origin_seq) per origin read every entry of that origin in Derby).
CREATE TABLE xf_chain_head (
  origin VARCHAR(40) NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO xf_chain_head (origin, last_seq, last_hash)
  SELECT j.origin, j.origin_seq, j.entry_hash
  FROM xf_journal j
  INNER JOIN (SELECT origin, MAX(origin_seq) AS last_seq FROM xf_journal GROUP BY origin) AS m
    ON j.origin = m.origin AND j.origin_seq = m.last_seq;
