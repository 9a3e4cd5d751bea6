-- Metrics module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module metrics --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    "expires_at" TEXT NULL,
    "revoked_at" TEXT NULL
);

CREATE TABLE "ingest_records" (
    "household_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_ingest_records" PRIMARY KEY ("household_id", "product_id", "idempotency_key")
);

CREATE TABLE "points" (
    "id" TEXT NOT NULL CONSTRAINT "pk_points" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "value" REAL NOT NULL
);

CREATE TABLE "products" (
    "id" TEXT NOT NULL CONSTRAINT "pk_products" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "retention_days" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "rollups" (
    "series_id" TEXT NOT NULL,
    "resolution" INTEGER NOT NULL,
    "bucket_start" TEXT NOT NULL,
    "household_id" TEXT NOT NULL,
    "value_count" INTEGER NOT NULL,
    "value_sum" REAL NOT NULL,
    "value_min" REAL NOT NULL,
    "value_max" REAL NOT NULL,
    "last_at" TEXT NOT NULL,
    "last_value" REAL NOT NULL,
    CONSTRAINT "pk_rollups" PRIMARY KEY ("series_id", "resolution", "bucket_start")
);

CREATE TABLE "series" (
    "id" TEXT NOT NULL CONSTRAINT "pk_series" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_api_keys_hash" ON "api_keys" ("hash");

CREATE INDEX "ix_api_keys_household_id_product_id" ON "api_keys" ("household_id", "product_id");

CREATE INDEX "ix_points_household_id_product_id_time" ON "points" ("household_id", "product_id", "time");

CREATE INDEX "ix_points_series_id_time" ON "points" ("series_id", "time");

CREATE INDEX "ix_products_household_id_name" ON "products" ("household_id", "name");

CREATE INDEX "ix_rollups_household_id" ON "rollups" ("household_id");

CREATE INDEX "ix_series_household_id_metric" ON "series" ("household_id", "metric");
