-- Leader reception days (领导接访日): each unit's rota and the record of each session. The session travels
-- whole (JSON, as journalled); the columns beside it are what the lists ask by. A copy from below is
-- replaced only by a higher version.
CREATE TABLE xf_reception_day (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  unit_code VARCHAR(20) NOT NULL,
  day_date DATE NOT NULL,
  start_time VARCHAR(5) NOT NULL,
  day_status VARCHAR(20) NOT NULL,
  day_version INTEGER NOT NULL,
  payload_utf8 ${binary} NOT NULL
);
CREATE INDEX xf_reception_day_date ON xf_reception_day (day_date, start_time);

-- The walk-ins registered during a session: written with the case's rows wherever the case is stored.
CREATE TABLE xf_reception_case (
  day_id VARCHAR(40) NOT NULL,
  petition_id VARCHAR(60) NOT NULL,
  registered_at BIGINT NOT NULL,
  PRIMARY KEY (day_id, petition_id)
);
