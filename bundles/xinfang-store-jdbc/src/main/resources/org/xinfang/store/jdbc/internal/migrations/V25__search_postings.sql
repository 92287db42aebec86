-- The word index packed (issue 16): xf_search_term held one row per case and bigram, ~26 rows for a registration's
-- short matter and ~400 for a letter of 500 characters, and writing them was a third of a registration's CPU at a
-- district. Now one row per bigram and block of cases: the indexer (SearchIndexer) writes, for the cases it takes in
-- one transaction (its block, numbered by the sequence search_block), one row per term they hold with their ids
-- in the order of the ids, separated by a space (an id never holds one: <unit>-<number>). The rows of a term read
-- in the order of their blocks are its postings. The migration (Migrations.searchPostings) creates the table, packs
-- the rows of xf_search_term into it (500 ids a row), creates the index and drops the old table.
CREATE TABLE xf_search_posting (
  term VARCHAR(100) NOT NULL,
  block BIGINT NOT NULL,
  ids VARCHAR(32000) NOT NULL
);
CREATE UNIQUE INDEX xf_search_posting_key ON xf_search_posting (term${pattern_ops}, block);
DROP TABLE xf_search_term;
