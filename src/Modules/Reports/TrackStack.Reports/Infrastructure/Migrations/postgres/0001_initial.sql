-- Reports module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module reports --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE reports.deliveries (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    schedule_id uuid NOT NULL,
    due_at timestamp with time zone NOT NULL,
    trigger character varying(10) NOT NULL,
    period_start timestamp with time zone NOT NULL,
    period_end timestamp with time zone NOT NULL,
    status character varying(10) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    lease_until timestamp with time zone,
    recipients uuid[] NOT NULL,
    sent_to uuid[] NOT NULL,
    last_answer character varying(1000),
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT pk_deliveries PRIMARY KEY (id)
);

CREATE TABLE reports.members (
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role character varying(20) NOT NULL,
    CONSTRAINT pk_members PRIMARY KEY (household_id, user_id)
);

CREATE TABLE reports.schedules (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    dashboard_id uuid NOT NULL,
    frequency character varying(10) NOT NULL,
    weekday integer,
    day_of_month integer,
    cron character varying(100),
    send_at character varying(5) NOT NULL,
    period character varying(10) NOT NULL,
    recipient_user_ids uuid[] NOT NULL,
    enabled boolean NOT NULL,
    next_due_at timestamp with time zone,
    version bigint NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_schedules PRIMARY KEY (id)
);

CREATE TABLE reports.users (
    user_id uuid NOT NULL,
    email character varying(320) NOT NULL,
    display_name character varying(200) NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (user_id)
);

CREATE INDEX ix_deliveries_household_id_created_at ON reports.deliveries (household_id, created_at);

CREATE UNIQUE INDEX ix_deliveries_schedule_id_due_at ON reports.deliveries (schedule_id, due_at);

CREATE INDEX ix_deliveries_status_next_attempt_at ON reports.deliveries (status, next_attempt_at);

CREATE INDEX ix_schedules_household_id_name ON reports.schedules (household_id, name);

CREATE INDEX ix_schedules_next_due_at ON reports.schedules (next_due_at);
