-- Foods imported from a USDA FoodData Central export ('TrackStack.Host nutrition import-fdc'), shared by every household.
-- fdc_id is INTEGER PRIMARY KEY, so it is the rowid the full-text index points at, stable across re-imports.
CREATE TABLE "imported_foods" (
    "fdc_id" INTEGER NOT NULL CONSTRAINT "pk_imported_foods" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "data_type" TEXT NOT NULL,
    "kcal" REAL NULL,
    "protein" REAL NULL,
    "fat" REAL NULL,
    "saturated_fat" REAL NULL,
    "carbohydrate" REAL NULL,
    "sugars" REAL NULL,
    "fibre" REAL NULL,
    "sodium_mg" REAL NULL,
    "alcohol" REAL NULL,
    "units" TEXT NOT NULL,
    "imported_at" TEXT NOT NULL
);

-- The names' full-text index (no B-tree over the name: nothing searches it by range, and it would slow the import).
-- External content kept in step by triggers, so an import that replaces a food is searchable as soon as it commits.
CREATE VIRTUAL TABLE imported_food_search USING fts5(name, content='imported_foods', content_rowid='fdc_id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER imported_foods_ai AFTER INSERT ON imported_foods BEGIN
    INSERT INTO imported_food_search(rowid, name) VALUES (new.fdc_id, new.name);
END;
CREATE TRIGGER imported_foods_ad AFTER DELETE ON imported_foods BEGIN
    INSERT INTO imported_food_search(imported_food_search, rowid, name) VALUES ('delete', old.fdc_id, old.name);
END;
CREATE TRIGGER imported_foods_au AFTER UPDATE ON imported_foods BEGIN
    INSERT INTO imported_food_search(imported_food_search, rowid, name) VALUES ('delete', old.fdc_id, old.name);
    INSERT INTO imported_food_search(rowid, name) VALUES (new.fdc_id, new.name);
END;
