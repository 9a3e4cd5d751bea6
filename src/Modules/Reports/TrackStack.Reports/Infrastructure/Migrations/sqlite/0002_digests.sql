-- Built-in digests are schedules too (one row per household and digest; recipients are the members who turned it on).
ALTER TABLE "schedules" ADD COLUMN "digest" TEXT NULL;

CREATE UNIQUE INDEX "ix_schedules_household_id_digest" ON "schedules" ("household_id", "digest");
