-- Platform: the outbox and inbox every module database has. Modules whose first migration already made them keep
-- theirs (IF NOT EXISTS); modules added later get them from here. {schema} is the module's schema.
CREATE TABLE IF NOT EXISTS "{schema}".inbox_messages (
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

CREATE TABLE IF NOT EXISTS "{schema}".outbox_messages (
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

CREATE INDEX IF NOT EXISTS ix_inbox_messages_status_next_attempt_at ON "{schema}".inbox_messages (status, next_attempt_at);

CREATE INDEX IF NOT EXISTS ix_outbox_messages_status_next_attempt_at ON "{schema}".outbox_messages (status, next_attempt_at);
