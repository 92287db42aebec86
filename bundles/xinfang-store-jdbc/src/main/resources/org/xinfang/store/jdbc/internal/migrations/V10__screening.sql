-- Monthly screening of conflicts (矛盾纠纷排查): one report per unit and month. The report travels whole (JSON, as
-- journalled); the columns beside it are what the lists ask by. A copy is replaced only by a higher version.
CREATE TABLE xf_screening_report (
  unit_code VARCHAR(20) NOT NULL,
  report_month VARCHAR(7) NOT NULL,
  report_state VARCHAR(20) NOT NULL,
  report_version INTEGER NOT NULL,
  payload_utf8 ${binary} NOT NULL,
  PRIMARY KEY (unit_code, report_month)
);
CREATE INDEX xf_screening_report_month ON xf_screening_report (report_month, unit_code);

-- The form the district defines: as this node received it from above (slot 'received'), and as it last sent it
-- down to each unit below (slot = that unit's code), so that a changed form is sent again and an unchanged one not.
CREATE TABLE xf_screening_form (
  slot VARCHAR(40) NOT NULL PRIMARY KEY,
  issued_at BIGINT NOT NULL,
  payload_utf8 ${binary} NOT NULL
);
