-- Targets per weekday (a JSON array, empty for everyone until set) and a recipe's cooked weight, so a diary entry
-- can be grams of the dish.
ALTER TABLE "targets" ADD COLUMN "weekdays" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "recipes" ADD COLUMN "total_grams" REAL NULL;
-- A household food found by barcode keeps the barcode (found again without a lookup) and its source's attribution.
ALTER TABLE "foods" ADD COLUMN "barcode" TEXT NULL;
ALTER TABLE "foods" ADD COLUMN "attribution" TEXT NULL;
CREATE INDEX "ix_foods_household_id_barcode" ON "foods" ("household_id", "barcode");
