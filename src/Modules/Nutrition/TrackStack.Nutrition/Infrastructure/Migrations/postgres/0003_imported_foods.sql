-- Foods imported from a USDA FoodData Central export ('TrackStack.Host nutrition import-fdc'), shared by every household.
CREATE TABLE nutrition.imported_foods (
    fdc_id bigint NOT NULL,
    name character varying(300) NOT NULL,
    data_type character varying(40) NOT NULL,
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
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_imported_foods PRIMARY KEY (fdc_id)
);

CREATE INDEX ix_imported_foods_name ON nutrition.imported_foods USING GIN (to_tsvector('simple', name));
