-- Targets per weekday (a JSON array, empty for everyone until set) and a recipe's cooked weight, so a diary entry
-- can be grams of the dish.
ALTER TABLE nutrition.targets ADD COLUMN weekdays character varying(2000) NOT NULL DEFAULT '[]';
ALTER TABLE nutrition.recipes ADD COLUMN total_grams double precision NULL;
