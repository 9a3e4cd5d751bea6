-- Nutrition module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module nutrition --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE nutrition.builtin_food_sets (
    name character varying(20) NOT NULL,
    food_count integer NOT NULL,
    loaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_builtin_food_sets PRIMARY KEY (name)
);

CREATE TABLE nutrition.builtin_foods (
    code character varying(8) NOT NULL,
    name character varying(200) NOT NULL,
    food_group character varying(4) NOT NULL,
    kcal double precision,
    protein double precision,
    fat double precision,
    saturated_fat double precision,
    carbohydrate double precision,
    sugars double precision,
    fibre double precision,
    sodium_mg double precision,
    alcohol double precision,
    units text NOT NULL,
    CONSTRAINT pk_builtin_foods PRIMARY KEY (code)
);

CREATE TABLE nutrition.diary_entries (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    date date NOT NULL,
    meal character varying(40) NOT NULL,
    kind character varying(10) NOT NULL,
    food_id character varying(60),
    recipe_id uuid,
    label character varying(200) NOT NULL,
    quantity double precision,
    unit character varying(100),
    grams double precision,
    servings double precision,
    kcal double precision NOT NULL,
    protein double precision,
    fat double precision,
    saturated_fat double precision,
    carbohydrate double precision,
    sugars double precision,
    fibre double precision,
    sodium_mg double precision,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_diary_entries PRIMARY KEY (id)
);

CREATE TABLE nutrition.foods (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    brand character varying(100),
    kcal double precision NOT NULL,
    protein double precision,
    fat double precision,
    saturated_fat double precision,
    carbohydrate double precision,
    sugars double precision,
    fibre double precision,
    sodium_mg double precision,
    alcohol double precision,
    units text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_foods PRIMARY KEY (id)
);

CREATE TABLE nutrition.recipes (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    description character varying(4000),
    servings double precision NOT NULL,
    prep_minutes integer,
    cook_minutes integer,
    tags text NOT NULL,
    source_url character varying(2000),
    steps text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_recipes PRIMARY KEY (id)
);

CREATE TABLE nutrition.targets (
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    kcal double precision NOT NULL,
    protein double precision NOT NULL,
    fat double precision,
    carbohydrate double precision,
    fibre double precision,
    share_diary boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_targets PRIMARY KEY (household_id, user_id)
);

CREATE TABLE nutrition.recipe_ingredients (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    recipe_id uuid NOT NULL,
    position integer NOT NULL,
    text character varying(500) NOT NULL,
    food_id character varying(60),
    grams double precision,
    CONSTRAINT pk_recipe_ingredients PRIMARY KEY (id),
    CONSTRAINT fk_recipe_ingredients_recipes_recipe_id FOREIGN KEY (recipe_id) REFERENCES nutrition.recipes (id) ON DELETE CASCADE
);

CREATE INDEX ix_builtin_foods_name ON nutrition.builtin_foods USING GIN (to_tsvector('simple', name));

CREATE INDEX ix_diary_entries_household_id_user_id_date ON nutrition.diary_entries (household_id, user_id, date);

CREATE INDEX ix_foods_household_id_name ON nutrition.foods (household_id, name);

CREATE INDEX ix_recipe_ingredients_recipe_id_position ON nutrition.recipe_ingredients (recipe_id, position);

CREATE INDEX ix_recipes_household_id_title ON nutrition.recipes (household_id, title);
