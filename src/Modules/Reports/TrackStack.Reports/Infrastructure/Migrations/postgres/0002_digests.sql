-- Built-in digests are schedules too (one row per household and digest; recipients are the members who turned it on).
ALTER TABLE reports.schedules ADD COLUMN digest character varying(20) NULL;

CREATE UNIQUE INDEX ix_schedules_household_id_digest ON reports.schedules (household_id, digest);
