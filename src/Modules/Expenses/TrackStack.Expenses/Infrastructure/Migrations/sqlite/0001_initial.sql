-- Expenses module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module expenses --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "checklist_templates" (
    "id" TEXT NOT NULL CONSTRAINT "pk_checklist_templates" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "category_id" TEXT NULL,
    "due_day" INTEGER NULL,
    "active" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);

CREATE TABLE "entries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_entries" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category_id" TEXT NULL,
    "note" TEXT NULL,
    "tags" TEXT NOT NULL,
    "paid_by" TEXT NULL,
    "kind" TEXT NOT NULL,
    "original_amount_cents" INTEGER NULL,
    "original_currency" TEXT NULL,
    "bank_transaction_id" TEXT NULL,
    "dedup_key" TEXT NULL,
    "source_ref" TEXT NULL,
    "import_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "fuel_purchase_links" (
    "purchase_id" TEXT NOT NULL CONSTRAINT "pk_fuel_purchase_links" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "last_event_at" TEXT NOT NULL,
    "deleted" INTEGER NOT NULL
);

CREATE TABLE "household_profiles" (
    "household_id" TEXT NOT NULL CONSTRAINT "pk_household_profiles" PRIMARY KEY,
    "time_zone" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "locale" TEXT NOT NULL
);

CREATE TABLE "imports" (
    "id" TEXT NOT NULL CONSTRAINT "pk_imports" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "created" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL
);

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

CREATE TABLE "months" (
    "household_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "income_cents" INTEGER NOT NULL,
    "opened_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "pk_months" PRIMARY KEY ("household_id", "month")
);

CREATE TABLE "obligations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_obligations" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "template_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "category_id" TEXT NULL,
    "due_day" INTEGER NULL,
    "status" TEXT NOT NULL,
    "entry_id" TEXT NULL,
    "done_at" TEXT NULL
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

CREATE TABLE "recurring_templates" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recurring_templates" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "category_id" TEXT NULL,
    "note" TEXT NULL,
    "tags" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "month_of_year" INTEGER NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NULL,
    "next_due" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL
);

CREATE TABLE "rules" (
    "id" TEXT NOT NULL CONSTRAINT "pk_rules" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "match" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "priority" INTEGER NOT NULL
);

CREATE TABLE "settings" (
    "household_id" TEXT NOT NULL CONSTRAINT "pk_settings" PRIMARY KEY,
    "monthly_income_cents" INTEGER NOT NULL,
    "fuel_category_id" TEXT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "tanks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_tanks" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ratio_percent" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL
);

CREATE TABLE "categories" (
    "id" TEXT NOT NULL CONSTRAINT "pk_categories" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "tank_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "fk_categories_tanks_tank_id" FOREIGN KEY ("tank_id") REFERENCES "tanks" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_categories_household_id_name" ON "categories" ("household_id", "name");

CREATE INDEX "ix_categories_tank_id" ON "categories" ("tank_id");

CREATE INDEX "ix_checklist_templates_household_id" ON "checklist_templates" ("household_id");

CREATE UNIQUE INDEX "ix_entries_household_id_bank_transaction_id" ON "entries" ("household_id", "bank_transaction_id") WHERE bank_transaction_id IS NOT NULL;

CREATE INDEX "ix_entries_household_id_category_id" ON "entries" ("household_id", "category_id");

CREATE INDEX "ix_entries_household_id_date_category_id_amount_cents" ON "entries" ("household_id", "date", "category_id", "amount_cents");

CREATE UNIQUE INDEX "ix_entries_household_id_dedup_key" ON "entries" ("household_id", "dedup_key") WHERE dedup_key IS NOT NULL;

CREATE UNIQUE INDEX "ix_entries_household_id_source_ref" ON "entries" ("household_id", "source_ref") WHERE source_ref IS NOT NULL;

CREATE INDEX "ix_imports_household_id" ON "imports" ("household_id");

CREATE INDEX "ix_inbox_messages_status_next_attempt_at" ON "inbox_messages" ("status", "next_attempt_at");

CREATE UNIQUE INDEX "ix_obligations_household_id_month_template_id" ON "obligations" ("household_id", "month", "template_id");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");

CREATE INDEX "ix_recurring_templates_active_next_due" ON "recurring_templates" ("active", "next_due");

CREATE INDEX "ix_recurring_templates_household_id" ON "recurring_templates" ("household_id");

CREATE INDEX "ix_rules_household_id" ON "rules" ("household_id");

CREATE UNIQUE INDEX "ix_tanks_household_id_key" ON "tanks" ("household_id", "key");
