-- Metrics module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module metrics --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE metrics.api_keys (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    product_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(20) NOT NULL,
    hash character varying(64) NOT NULL,
    scopes character varying(50) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    last_used_at timestamp with time zone,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_api_keys PRIMARY KEY (id)
);

CREATE TABLE metrics.ingest_records (
    household_id uuid NOT NULL,
    product_id uuid NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    answer text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_ingest_records PRIMARY KEY (household_id, product_id, idempotency_key)
);

CREATE TABLE metrics.points (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    product_id uuid NOT NULL,
    series_id uuid NOT NULL,
    metric character varying(100) NOT NULL,
    time timestamp with time zone NOT NULL,
    value double precision NOT NULL,
    CONSTRAINT pk_points PRIMARY KEY (id)
);

CREATE TABLE metrics.products (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    description character varying(500),
    retention_days integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id)
);

CREATE TABLE metrics.rollups (
    series_id uuid NOT NULL,
    resolution integer NOT NULL,
    bucket_start timestamp with time zone NOT NULL,
    household_id uuid NOT NULL,
    value_count bigint NOT NULL,
    value_sum double precision NOT NULL,
    value_min double precision NOT NULL,
    value_max double precision NOT NULL,
    last_at timestamp with time zone NOT NULL,
    last_value double precision NOT NULL,
    CONSTRAINT pk_rollups PRIMARY KEY (series_id, resolution, bucket_start)
);

CREATE TABLE metrics.series (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    product_id uuid NOT NULL,
    metric character varying(100) NOT NULL,
    tags text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_series PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_api_keys_hash ON metrics.api_keys (hash);

CREATE INDEX ix_api_keys_household_id_product_id ON metrics.api_keys (household_id, product_id);

CREATE INDEX ix_points_household_id_product_id_time ON metrics.points (household_id, product_id, time);

CREATE INDEX ix_points_series_id_time ON metrics.points (series_id, time);

CREATE INDEX ix_products_household_id_name ON metrics.products (household_id, name);

CREATE INDEX ix_rollups_household_id ON metrics.rollups (household_id);

CREATE INDEX ix_series_household_id_metric ON metrics.series (household_id, metric);
