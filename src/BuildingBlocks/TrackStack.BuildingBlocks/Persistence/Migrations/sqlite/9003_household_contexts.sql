-- Platform: what this module knows of each household's context (time zone, currency, locale), fed by the
-- Households events, for work that runs without a request (background jobs).
CREATE TABLE IF NOT EXISTS "household_contexts" (
    "household_id" TEXT NOT NULL CONSTRAINT "pk_household_contexts" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL
);
