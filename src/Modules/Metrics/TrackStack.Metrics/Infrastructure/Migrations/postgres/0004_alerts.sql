-- Alert rules on metric series and their firings (ADR 27). Generated from the EF model with 'TrackStack.Host dev schema --module metrics --provider postgres' (the new tables and indexes only).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE metrics.alert_firings (
    id uuid NOT NULL,
    rule_id uuid NOT NULL,
    household_id uuid NOT NULL,
    fired_at timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone,
    fire_value double precision,
    resolve_value double precision,
    summary character varying(1000) NOT NULL,
    resolve_summary character varying(1000),
    fire_webhook_status integer,
    fire_webhook_error character varying(500),
    resolve_webhook_status integer,
    resolve_webhook_error character varying(500),
    CONSTRAINT pk_alert_firings PRIMARY KEY (id)
);

CREATE TABLE metrics.alert_rules (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    metric character varying(100) NOT NULL,
    product_id uuid,
    tags text NOT NULL,
    aggregation character varying(8) NOT NULL,
    kind character varying(8) NOT NULL,
    threshold double precision,
    window_minutes integer,
    bucket_minutes integer,
    trailing_buckets integer,
    deviations double precision,
    notify_user_ids character varying(2000) NOT NULL,
    webhook_url character varying(2000),
    protected_secret character varying(1000) NOT NULL,
    enabled boolean NOT NULL,
    state character varying(8) NOT NULL,
    current_firing_id uuid,
    clear_evaluations integer NOT NULL,
    version bigint NOT NULL,
    last_evaluated_at timestamp with time zone,
    last_value double precision,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_alert_rules PRIMARY KEY (id)
);

CREATE INDEX ix_alert_firings_household_id_rule_id_fired_at ON metrics.alert_firings (household_id, rule_id, fired_at);
CREATE INDEX ix_alert_rules_household_id_name ON metrics.alert_rules (household_id, name);
