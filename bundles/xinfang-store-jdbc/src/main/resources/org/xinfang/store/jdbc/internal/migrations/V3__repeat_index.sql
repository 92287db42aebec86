-- Repeat detection looks petitioners up by identity number and takes the newest cases first.
CREATE INDEX xf_petitioner_id_case ON xf_petitioner (id_number, petition_id);
