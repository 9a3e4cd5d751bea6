-- Heating module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module heating --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "inbox_messages" (
    "event_id" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "last_error" TEXT NULL,
    CONSTRAINT "pk_inbox_messages" PRIMARY KEY ("event_id", "handler")
);

CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbox_messages" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "purchases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_purchases" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "quantity" REAL NOT NULL,
    "unit" TEXT NOT NULL,
    "total_price_cents" INTEGER NULL,
    "supplier" TEXT NULL,
    "note" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "refills" (
    "id" TEXT NOT NULL CONSTRAINT "pk_refills" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "quantity" REAL NULL,
    "meter_reading" REAL NULL,
    "note" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "settings" (
    "household_id" TEXT NOT NULL CONSTRAINT "pk_settings" PRIMARY KEY,
    "fuel" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "unit_size_kg" REAL NULL,
    "kwh_per_unit" REAL NOT NULL,
    "meter_based" INTEGER NOT NULL,
    "season_start_month" INTEGER NOT NULL,
    "season_start_day" INTEGER NOT NULL,
    "base_temperature_c" REAL NOT NULL,
    "base_mode" TEXT NOT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "weather_enabled" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "temperatures" (
    "household_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "mean_c" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_temperatures" PRIMARY KEY ("household_id", "date")
);

CREATE INDEX "ix_inbox_messages_status_next_attempt_at" ON "inbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_purchases_household_id_date" ON "purchases" ("household_id", "date");

CREATE INDEX "ix_refills_household_id_date" ON "refills" ("household_id", "date");
