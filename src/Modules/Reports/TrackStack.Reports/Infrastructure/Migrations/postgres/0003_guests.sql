-- Outside recipients of report schedules, confirmed by a link (ADR 26). Generated from the EF model with 'TrackStack.Host dev schema --module reports --provider postgres' (the new table and indexes only).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE reports.guests (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    schedule_id uuid NOT NULL,
    email character varying(320) NOT NULL,
    invited_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    invited_at timestamp with time zone,
    confirmed_at timestamp with time zone,
    CONSTRAINT pk_guests PRIMARY KEY (id)
);

CREATE INDEX ix_guests_household_id ON reports.guests (household_id);

CREATE UNIQUE INDEX ix_guests_schedule_id_email ON reports.guests (schedule_id, email);
