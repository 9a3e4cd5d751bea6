-- Dashboards module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module dashboards --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE dashboards.dashboards (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    description character varying(500),
    position integer NOT NULL,
    version bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_dashboards PRIMARY KEY (id)
);

CREATE TABLE dashboards.seedings (
    household_id uuid NOT NULL,
    seeded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_seedings PRIMARY KEY (household_id)
);

CREATE TABLE dashboards.widgets (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    dashboard_id uuid NOT NULL,
    position integer NOT NULL,
    kind character varying(20) NOT NULL,
    title character varying(100) NOT NULL,
    width integer NOT NULL,
    metric character varying(100) NOT NULL,
    agg character varying(20) NOT NULL,
    bucket character varying(20) NOT NULL,
    range character varying(20) NOT NULL,
    group_by character varying(100),
    filters text[] NOT NULL,
    product_id uuid,
    target double precision,
    CONSTRAINT pk_widgets PRIMARY KEY (id),
    CONSTRAINT fk_widgets_dashboards_dashboard_id FOREIGN KEY (dashboard_id) REFERENCES dashboards.dashboards (id) ON DELETE CASCADE
);

CREATE INDEX ix_dashboards_household_id_position ON dashboards.dashboards (household_id, position);

CREATE INDEX ix_widgets_dashboard_id_position ON dashboards.widgets (dashboard_id, position);
