-- Nutrition module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module nutrition --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "builtin_food_sets" (
    "name" TEXT NOT NULL CONSTRAINT "pk_builtin_food_sets" PRIMARY KEY,
    "food_count" INTEGER NOT NULL,
    "loaded_at" TEXT NOT NULL
);

CREATE TABLE "builtin_foods" (
    "code" TEXT NOT NULL CONSTRAINT "pk_builtin_foods" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "food_group" TEXT NOT NULL,
    "kcal" REAL NULL,
    "protein" REAL NULL,
    "fat" REAL NULL,
    "saturated_fat" REAL NULL,
    "carbohydrate" REAL NULL,
    "sugars" REAL NULL,
    "fibre" REAL NULL,
    "sodium_mg" REAL NULL,
    "alcohol" REAL NULL,
    "units" TEXT NOT NULL
);

CREATE TABLE "diary_entries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_diary_entries" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "meal" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "food_id" TEXT NULL,
    "recipe_id" TEXT NULL,
    "label" TEXT NOT NULL,
    "quantity" REAL NULL,
    "unit" TEXT NULL,
    "grams" REAL NULL,
    "servings" REAL NULL,
    "kcal" REAL NOT NULL,
    "protein" REAL NULL,
    "fat" REAL NULL,
    "saturated_fat" REAL NULL,
    "carbohydrate" REAL NULL,
    "sugars" REAL NULL,
    "fibre" REAL NULL,
    "sodium_mg" REAL NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "foods" (
    "id" TEXT NOT NULL CONSTRAINT "pk_foods" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brand" TEXT NULL,
    "kcal" REAL NOT NULL,
    "protein" REAL NULL,
    "fat" REAL NULL,
    "saturated_fat" REAL NULL,
    "carbohydrate" REAL NULL,
    "sugars" REAL NULL,
    "fibre" REAL NULL,
    "sodium_mg" REAL NULL,
    "alcohol" REAL NULL,
    "units" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "recipes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recipes" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NULL,
    "servings" REAL NOT NULL,
    "prep_minutes" INTEGER NULL,
    "cook_minutes" INTEGER NULL,
    "tags" TEXT NOT NULL,
    "source_url" TEXT NULL,
    "steps" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "targets" (
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kcal" REAL NOT NULL,
    "protein" REAL NOT NULL,
    "fat" REAL NULL,
    "carbohydrate" REAL NULL,
    "fibre" REAL NULL,
    "share_diary" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_targets" PRIMARY KEY ("household_id", "user_id")
);

CREATE TABLE "recipe_ingredients" (
    "id" TEXT NOT NULL CONSTRAINT "pk_recipe_ingredients" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "recipe_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "food_id" TEXT NULL,
    "grams" REAL NULL,
    CONSTRAINT "fk_recipe_ingredients_recipes_recipe_id" FOREIGN KEY ("recipe_id") REFERENCES "recipes" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_builtin_foods_name" ON "builtin_foods" ("name");

CREATE INDEX "ix_diary_entries_household_id_user_id_date" ON "diary_entries" ("household_id", "user_id", "date");

CREATE INDEX "ix_foods_household_id_name" ON "foods" ("household_id", "name");

CREATE INDEX "ix_recipe_ingredients_recipe_id_position" ON "recipe_ingredients" ("recipe_id", "position");

CREATE INDEX "ix_recipes_household_id_title" ON "recipes" ("household_id", "title");

-- Full-text index over the built-in food names (not in the EF model: EF has no FTS5). External content, so the
-- names are stored once; the loader fills it with 'rebuild' after inserting the foods. unicode61 with diacritics
-- removed, so "creme" finds "Crème".
CREATE VIRTUAL TABLE builtin_food_search USING fts5(name, content='builtin_foods', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
