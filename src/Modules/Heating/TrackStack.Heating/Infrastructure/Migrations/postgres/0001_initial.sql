-- Heating module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module heating --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE heating.inbox_messages (
    event_id uuid NOT NULL,
    handler character varying(200) NOT NULL,
    type character varying(200) NOT NULL,
    payload text NOT NULL,
    received_at timestamp with time zone NOT NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    last_error character varying(2000),
    CONSTRAINT pk_inbox_messages PRIMARY KEY (event_id, handler)
);

CREATE TABLE heating.outbox_messages (
    id uuid NOT NULL,
    type character varying(200) NOT NULL,
    payload text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    status integer NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    last_error character varying(2000),
    CONSTRAINT pk_outbox_messages PRIMARY KEY (id)
);

CREATE TABLE heating.purchases (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    date date NOT NULL,
    quantity double precision NOT NULL,
    unit character varying(10) NOT NULL,
    total_price_cents bigint,
    supplier character varying(100),
    note character varying(500),
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_purchases PRIMARY KEY (id)
);

CREATE TABLE heating.refills (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    date date NOT NULL,
    quantity double precision,
    meter_reading double precision,
    note character varying(500),
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_refills PRIMARY KEY (id)
);

CREATE TABLE heating.settings (
    household_id uuid NOT NULL,
    fuel character varying(20) NOT NULL,
    unit character varying(10) NOT NULL,
    unit_size_kg double precision,
    kwh_per_unit double precision NOT NULL,
    meter_based boolean NOT NULL,
    season_start_month integer NOT NULL,
    season_start_day integer NOT NULL,
    base_temperature_c double precision NOT NULL,
    base_mode character varying(10) NOT NULL,
    latitude double precision,
    longitude double precision,
    weather_enabled boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_settings PRIMARY KEY (household_id)
);

CREATE TABLE heating.temperatures (
    household_id uuid NOT NULL,
    date date NOT NULL,
    mean_c double precision NOT NULL,
    source character varying(20) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_temperatures PRIMARY KEY (household_id, date)
);

CREATE INDEX ix_inbox_messages_status_next_attempt_at ON heating.inbox_messages (status, next_attempt_at);

CREATE INDEX ix_outbox_messages_status_next_attempt_at ON heating.outbox_messages (status, next_attempt_at);

CREATE INDEX ix_purchases_household_id_date ON heating.purchases (household_id, date);

CREATE INDEX ix_refills_household_id_date ON heating.refills (household_id, date);
