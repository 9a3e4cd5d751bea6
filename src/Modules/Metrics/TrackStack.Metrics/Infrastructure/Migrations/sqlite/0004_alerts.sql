-- Alert rules on metric series and their firings (ADR 27). Generated from the EF model with 'TrackStack.Host dev schema --module metrics --provider sqlite' (the new tables and indexes only).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "alert_firings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_alert_firings" PRIMARY KEY,
    "rule_id" TEXT NOT NULL,
    "household_id" TEXT NOT NULL,
    "fired_at" TEXT NOT NULL,
    "resolved_at" TEXT NULL,
    "fire_value" REAL NULL,
    "resolve_value" REAL NULL,
    "summary" TEXT NOT NULL,
    "resolve_summary" TEXT NULL,
    "fire_webhook_status" INTEGER NULL,
    "fire_webhook_error" TEXT NULL,
    "resolve_webhook_status" INTEGER NULL,
    "resolve_webhook_error" TEXT NULL
);

CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL CONSTRAINT "pk_alert_rules" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "product_id" TEXT NULL,
    "tags" TEXT NOT NULL,
    "aggregation" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "threshold" REAL NULL,
    "window_minutes" INTEGER NULL,
    "bucket_minutes" INTEGER NULL,
    "trailing_buckets" INTEGER NULL,
    "deviations" REAL NULL,
    "notify_user_ids" TEXT NOT NULL,
    "webhook_url" TEXT NULL,
    "protected_secret" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "current_firing_id" TEXT NULL,
    "clear_evaluations" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "last_evaluated_at" TEXT NULL,
    "last_value" REAL NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE INDEX "ix_alert_firings_household_id_rule_id_fired_at" ON "alert_firings" ("household_id", "rule_id", "fired_at");
CREATE INDEX "ix_alert_rules_household_id_name" ON "alert_rules" ("household_id", "name");
