-- Built-in series: the household's built-in product, personal series (owner_id), and the points and source
-- versions kept from other modules' events (their buckets' rollups are recomputed when a source changes).
ALTER TABLE metrics.products ADD COLUMN built_in boolean NOT NULL DEFAULT FALSE;

ALTER TABLE metrics.series ADD COLUMN owner_id uuid NULL;

CREATE TABLE metrics.builtin_points (
    household_id uuid NOT NULL,
    source_key character varying(200) NOT NULL,
    series_id uuid NOT NULL,
    time timestamp with time zone NOT NULL,
    value double precision NOT NULL,
    CONSTRAINT pk_builtin_points PRIMARY KEY (household_id, source_key, series_id)
);

CREATE TABLE metrics.builtin_sources (
    household_id uuid NOT NULL,
    source_key character varying(200) NOT NULL,
    version bigint NOT NULL,
    deleted boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_builtin_sources PRIMARY KEY (household_id, source_key)
);

CREATE INDEX ix_builtin_points_series_id_time ON metrics.builtin_points (series_id, time);
