-- The probe module's own tables, as a module added after the platform owned messaging: its outbox, inbox and
-- household contexts come from the platform's migrations, not from here.
CREATE TABLE probe.probe_items (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name text NOT NULL,
    CONSTRAINT pk_probe_items PRIMARY KEY (id)
);

CREATE TABLE probe.probe_seen (
    user_id uuid NOT NULL,
    CONSTRAINT pk_probe_seen PRIMARY KEY (user_id)
);
