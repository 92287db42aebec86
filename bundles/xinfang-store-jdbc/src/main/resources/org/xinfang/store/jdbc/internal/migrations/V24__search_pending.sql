-- The cases whose words are not in the word index yet (issue 16). A writer of a new case writes one row here in its
-- own transaction instead of its ~26 rows of xf_search_term (hundreds for a real letter); the store's indexer writes
-- the terms of a few hundred pending cases and deletes their rows here in one transaction (SearchIndexer). The
-- search takes every pending case as a candidate, so that it finds the same cases whether or not they are indexed.
CREATE TABLE xf_search_pending (
  petition_id VARCHAR(60) NOT NULL PRIMARY KEY
);
