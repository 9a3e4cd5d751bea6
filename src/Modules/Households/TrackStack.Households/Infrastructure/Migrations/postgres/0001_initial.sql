-- Households module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module households --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE households.households (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    time_zone character varying(64) NOT NULL,
    currency character varying(3) NOT NULL,
    locale character varying(20) NOT NULL,
    is_personal boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    CONSTRAINT pk_households PRIMARY KEY (id)
);

CREATE TABLE households.inbox_messages (
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

CREATE TABLE households.outbox_messages (
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

CREATE TABLE households.invites (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    email character varying(254) NOT NULL,
    role character varying(10) NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone,
    accepted_by uuid,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_invites PRIMARY KEY (id),
    CONSTRAINT fk_invites_households_household_id FOREIGN KEY (household_id) REFERENCES households.households (id) ON DELETE CASCADE
);

CREATE TABLE households.memberships (
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    email character varying(254) NOT NULL,
    display_name character varying(100) NOT NULL,
    role character varying(10) NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (household_id, user_id),
    CONSTRAINT fk_memberships_households_household_id FOREIGN KEY (household_id) REFERENCES households.households (id) ON DELETE CASCADE
);

CREATE INDEX ix_inbox_messages_status_next_attempt_at ON households.inbox_messages (status, next_attempt_at);

CREATE INDEX ix_invites_household_id ON households.invites (household_id);

CREATE UNIQUE INDEX ix_invites_token_hash ON households.invites (token_hash);

CREATE INDEX ix_memberships_user_id ON households.memberships (user_id);

CREATE INDEX ix_outbox_messages_status_next_attempt_at ON households.outbox_messages (status, next_attempt_at);
