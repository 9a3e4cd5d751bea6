-- Foods imported from a USDA FoodData Central export ('TrackStack.Host nutrition import-fdc'), shared by every household.
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

-- The model's name index (GIN full text on PostgreSQL) is a plain B-tree here, as for the built-in foods: the schema
-- check compares migrations with the model.
CREATE INDEX "ix_imported_foods_name" ON "imported_foods" ("name");

-- The names' full-text index.
-- Contentless, its rowid the name's length above the FDC id: (length << 32) | fdc_id. FTS5 returns matches in rowid
-- order, so "the 300 shortest names matching" is ORDER BY rowid LIMIT 300 inside the index, without reading the
-- tens of thousands of rows a common word matches (that read was 50-100 ms over 300,000 foods). Triggers keep it
-- in step, so a food an import replaces is searchable as soon as the batch commits.

CREATE VIRTUAL TABLE imported_food_search USING fts5(name, content='', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER imported_foods_ai AFTER INSERT ON imported_foods BEGIN
    INSERT INTO imported_food_search(rowid, name) VALUES ((length(new.name) << 32) | new.fdc_id, new.name);
END;
CREATE TRIGGER imported_foods_ad AFTER DELETE ON imported_foods BEGIN
    INSERT INTO imported_food_search(imported_food_search, rowid, name) VALUES ('delete', (length(old.name) << 32) | old.fdc_id, old.name);
END;
CREATE TRIGGER imported_foods_au AFTER UPDATE ON imported_foods BEGIN
    INSERT INTO imported_food_search(imported_food_search, rowid, name) VALUES ('delete', (length(old.name) << 32) | old.fdc_id, old.name);
    INSERT INTO imported_food_search(rowid, name) VALUES ((length(new.name) << 32) | new.fdc_id, new.name);
END;
