-- A report schedule's chosen widgets (positions on its dashboard, "0,2"; null for all). Generated from the EF model with 'TrackStack.Host dev schema --module reports --provider sqlite' (the new column only).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
ALTER TABLE "schedules" ADD "widgets" TEXT NULL;
