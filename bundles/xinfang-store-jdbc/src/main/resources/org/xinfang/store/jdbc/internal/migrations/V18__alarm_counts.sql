-- Alarms are counted, not repeated: one row per source (the caller's address or node) and kind within an
-- interval, with how many times it was raised and when last; the oldest rows beyond a bound are pruned.
ALTER TABLE xf_sync_alarm ADD COLUMN source VARCHAR(64);
ALTER TABLE xf_sync_alarm ADD COLUMN raised_count INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE xf_sync_alarm ADD COLUMN last_at BIGINT;
UPDATE xf_sync_alarm SET last_at = at_millis;
CREATE INDEX xf_sync_alarm_source ON xf_sync_alarm (kind, source, at_millis);
