-- Outside recipients of report schedules, confirmed by a link (ADR 26). Generated from the EF model with 'TrackStack.Host dev schema --module reports --provider sqlite' (the new table and indexes only).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "guests" (
    "id" TEXT NOT NULL CONSTRAINT "pk_guests" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "schedule_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invited_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "invited_at" TEXT NULL,
    "confirmed_at" TEXT NULL
);

CREATE INDEX "ix_guests_household_id" ON "guests" ("household_id");

CREATE UNIQUE INDEX "ix_guests_schedule_id_email" ON "guests" ("schedule_id", "email");
