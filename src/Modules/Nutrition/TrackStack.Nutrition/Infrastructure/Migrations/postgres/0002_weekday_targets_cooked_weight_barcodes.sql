-- Targets per weekday (a JSON array, empty for everyone until set) and a recipe's cooked weight, so a diary entry
-- can be grams of the dish.
ALTER TABLE nutrition.targets ADD COLUMN weekdays character varying(2000) NOT NULL DEFAULT '[]';
ALTER TABLE nutrition.recipes ADD COLUMN total_grams double precision NULL;
-- A household food found by barcode keeps the barcode (found again without a lookup) and its source's attribution.
ALTER TABLE nutrition.foods ADD COLUMN barcode character varying(20) NULL;
ALTER TABLE nutrition.foods ADD COLUMN attribution character varying(300) NULL;
CREATE INDEX ix_foods_household_id_barcode ON nutrition.foods (household_id, barcode);
