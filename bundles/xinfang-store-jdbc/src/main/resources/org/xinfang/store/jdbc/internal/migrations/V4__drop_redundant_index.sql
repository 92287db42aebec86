-- xf_petitioner_id_case (id_number, petition_id) answers every look-up by identity number that
-- xf_petitioner_id_number did; keeping both cost one more index insert per petitioner received.
DROP INDEX xf_petitioner_id_number;
