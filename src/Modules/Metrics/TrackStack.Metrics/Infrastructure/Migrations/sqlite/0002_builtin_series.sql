-- Built-in series: the household's built-in product, personal series (owner_id), and the points and source
-- versions kept from other modules' events (their buckets' rollups are recomputed when a source changes).
ALTER TABLE "products" ADD COLUMN "built_in" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "series" ADD COLUMN "owner_id" TEXT NULL;

CREATE TABLE "builtin_points" (
    "household_id" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "value" REAL NOT NULL,
    CONSTRAINT "pk_builtin_points" PRIMARY KEY ("household_id", "source_key", "series_id")
);

CREATE TABLE "builtin_sources" (
    "household_id" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "deleted" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_builtin_sources" PRIMARY KEY ("household_id", "source_key")
);

CREATE INDEX "ix_builtin_points_series_id_time" ON "builtin_points" ("series_id", "time");
