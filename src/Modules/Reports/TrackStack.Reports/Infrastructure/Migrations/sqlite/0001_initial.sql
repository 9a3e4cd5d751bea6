-- Reports module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module reports --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_deliveries" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "schedule_id" TEXT NOT NULL,
    "due_at" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "lease_until" TEXT NULL,
    "recipients" TEXT NOT NULL,
    "sent_to" TEXT NOT NULL,
    "last_answer" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL
);

CREATE TABLE "members" (
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "pk_members" PRIMARY KEY ("household_id", "user_id")
);

CREATE TABLE "schedules" (
    "id" TEXT NOT NULL CONSTRAINT "pk_schedules" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dashboard_id" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "weekday" INTEGER NULL,
    "day_of_month" INTEGER NULL,
    "cron" TEXT NULL,
    "send_at" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "recipient_user_ids" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    "next_due_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "users" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL
);

CREATE INDEX "ix_deliveries_household_id_created_at" ON "deliveries" ("household_id", "created_at");

CREATE UNIQUE INDEX "ix_deliveries_schedule_id_due_at" ON "deliveries" ("schedule_id", "due_at");

CREATE INDEX "ix_deliveries_status_next_attempt_at" ON "deliveries" ("status", "next_attempt_at");

CREATE INDEX "ix_schedules_household_id_name" ON "schedules" ("household_id", "name");

CREATE INDEX "ix_schedules_next_due_at" ON "schedules" ("next_due_at");
