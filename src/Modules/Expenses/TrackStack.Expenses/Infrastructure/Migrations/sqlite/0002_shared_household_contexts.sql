-- The household profiles Expenses kept for its background jobs move into the platform's household_contexts
-- (one projection for every module), and fuel purchase links remember the purchase version they applied.
INSERT INTO "household_contexts" ("household_id", "name", "time_zone", "currency", "locale", "version", "updated_at")
SELECT "household_id", '', "time_zone", "currency", "locale", 0, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM "household_profiles" WHERE true
ON CONFLICT DO NOTHING;

DROP TABLE "household_profiles";

ALTER TABLE "fuel_purchase_links" ADD COLUMN "last_version" INTEGER NOT NULL DEFAULT 0;
