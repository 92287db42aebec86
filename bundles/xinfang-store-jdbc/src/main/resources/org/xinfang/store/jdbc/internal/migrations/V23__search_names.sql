-- The petitioners' names of a case in its own row, for the staff search (issue 16): a scan of the register matched a
-- word against every case's petitioners through one EXISTS per case, 4.2 s at a million cases on Derby against 0.5 s
-- for the case's own columns. The names as registered, in the order of the petitioners, each behind the mark U+0001
-- so that no word runs from one name into the next; written with the case's rows (RowWriter, the only writer of
-- petitioners: a registration's facts never change). NULL for an accusation (its accuser is sealed) and for a case
-- whose names do not fit, which the search then asks of its petitioners' rows. Filled by Migrations.searchNames.
ALTER TABLE xf_petition ADD COLUMN search_names VARCHAR(4000);
