-- Targets per weekday (a JSON array, empty for everyone until set) and a recipe's cooked weight, so a diary entry
-- can be grams of the dish.
ALTER TABLE "targets" ADD COLUMN "weekdays" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "recipes" ADD COLUMN "total_grams" REAL NULL;
