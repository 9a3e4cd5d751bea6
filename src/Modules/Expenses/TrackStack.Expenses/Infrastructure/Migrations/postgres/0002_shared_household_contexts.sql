-- The household profiles Expenses kept for its background jobs move into the platform's household_contexts
-- (one projection for every module), and fuel purchase links remember the purchase version they applied.
INSERT INTO expenses.household_contexts (household_id, name, time_zone, currency, locale, version, updated_at)
SELECT household_id, '', time_zone, currency, locale, 0, now() FROM expenses.household_profiles
ON CONFLICT DO NOTHING;

DROP TABLE expenses.household_profiles;

ALTER TABLE expenses.fuel_purchase_links ADD COLUMN last_version bigint NOT NULL DEFAULT 0;
