-- Dashboards module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module dashboards --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "dashboards" (
    "id" TEXT NOT NULL CONSTRAINT "pk_dashboards" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "seedings" (
    "household_id" TEXT NOT NULL CONSTRAINT "pk_seedings" PRIMARY KEY,
    "seeded_at" TEXT NOT NULL
);

CREATE TABLE "widgets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_widgets" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "dashboard_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "agg" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "range" TEXT NOT NULL,
    "group_by" TEXT NULL,
    "filters" TEXT NOT NULL,
    "product_id" TEXT NULL,
    "target" REAL NULL,
    CONSTRAINT "fk_widgets_dashboards_dashboard_id" FOREIGN KEY ("dashboard_id") REFERENCES "dashboards" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_dashboards_household_id_position" ON "dashboards" ("household_id", "position");

CREATE INDEX "ix_widgets_dashboard_id_position" ON "widgets" ("dashboard_id", "position");
