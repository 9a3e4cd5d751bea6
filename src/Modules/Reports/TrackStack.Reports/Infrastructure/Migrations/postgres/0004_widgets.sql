-- A report schedule's chosen widgets (positions on its dashboard, "0,2"; null for all). Generated from the EF model with 'TrackStack.Host dev schema --module reports --provider postgres' (the new column only).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
ALTER TABLE reports.schedules ADD widgets character varying(200);
