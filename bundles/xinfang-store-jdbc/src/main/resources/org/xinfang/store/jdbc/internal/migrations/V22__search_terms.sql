-- The word index of the staff search (issue 16: a petitioner's name or a word of the matter at a million cases was a
-- LIKE '%word%' over every name, subject, content and category, 2-6 s). One row per case and pair of adjacent
-- characters (bigram) of those fields, lower-cased, and one for the case's id and one for its tracking code behind
-- the mark U+0001 (SearchTerms); an accusation has only those two. Written with the case's rows (RowWriter). The
-- migration (Migrations.searchTerms) creates the table, fills it from the stored cases, then creates the index: one
-- sort of the whole table instead of a B-tree kept while filling. On PostgreSQL the index compares characters, not
-- the database's collation (varchar_pattern_ops), so that the probe of ids and codes by prefix (LIKE) uses it too.
CREATE TABLE xf_search_term (
  term VARCHAR(100) NOT NULL,
  petition_id VARCHAR(60) NOT NULL
);
CREATE UNIQUE INDEX xf_search_term_key ON xf_search_term (term${pattern_ops}, petition_id);
