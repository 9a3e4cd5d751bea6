-- Expenses module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module expenses --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE expenses.checklist_templates (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    amount_cents bigint NOT NULL,
    category_id uuid,
    due_day integer,
    active boolean NOT NULL,
    sort_order integer NOT NULL,
    CONSTRAINT pk_checklist_templates PRIMARY KEY (id)
);

CREATE TABLE expenses.entries (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    date date NOT NULL,
    amount_cents bigint NOT NULL,
    title character varying(200) NOT NULL,
    category_id uuid,
    note character varying(2000),
    tags character varying(500) NOT NULL,
    paid_by uuid,
    kind character varying(12) NOT NULL,
    original_amount_cents bigint,
    original_currency character varying(3),
    bank_transaction_id character varying(100),
    dedup_key character varying(120),
    source_ref character varying(120),
    import_id uuid,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_entries PRIMARY KEY (id)
);

CREATE TABLE expenses.fuel_purchase_links (
    purchase_id uuid NOT NULL,
    household_id uuid NOT NULL,
    last_event_at timestamp with time zone NOT NULL,
    deleted boolean NOT NULL,
    CONSTRAINT pk_fuel_purchase_links PRIMARY KEY (purchase_id)
);

CREATE TABLE expenses.household_profiles (
    household_id uuid NOT NULL,
    time_zone character varying(64) NOT NULL,
    currency character varying(3) NOT NULL,
    locale character varying(20) NOT NULL,
    CONSTRAINT pk_household_profiles PRIMARY KEY (household_id)
);

CREATE TABLE expenses.imports (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    format character varying(20) NOT NULL,
    created integer NOT NULL,
    duplicates integer NOT NULL,
    errors integer NOT NULL,
    skipped integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid NOT NULL,
    CONSTRAINT pk_imports PRIMARY KEY (id)
);

CREATE TABLE expenses.inbox_messages (
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

CREATE TABLE expenses.months (
    household_id uuid NOT NULL,
    month integer NOT NULL,
    status character varying(8) NOT NULL,
    income_cents bigint NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    CONSTRAINT pk_months PRIMARY KEY (household_id, month)
);

CREATE TABLE expenses.obligations (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    month integer NOT NULL,
    template_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    amount_cents bigint NOT NULL,
    category_id uuid,
    due_day integer,
    status character varying(8) NOT NULL,
    entry_id uuid,
    done_at timestamp with time zone,
    CONSTRAINT pk_obligations PRIMARY KEY (id)
);

CREATE TABLE expenses.outbox_messages (
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

CREATE TABLE expenses.recurring_templates (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    amount_cents bigint NOT NULL,
    category_id uuid,
    note character varying(2000),
    tags character varying(500) NOT NULL,
    frequency character varying(8) NOT NULL,
    day integer NOT NULL,
    month_of_year integer,
    start_date date NOT NULL,
    end_date date,
    next_due date NOT NULL,
    active boolean NOT NULL,
    created_by uuid NOT NULL,
    CONSTRAINT pk_recurring_templates PRIMARY KEY (id)
);

CREATE TABLE expenses.rules (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    field character varying(8) NOT NULL,
    match character varying(8) NOT NULL,
    pattern character varying(200) NOT NULL,
    category_id uuid NOT NULL,
    priority integer NOT NULL,
    CONSTRAINT pk_rules PRIMARY KEY (id)
);

CREATE TABLE expenses.settings (
    household_id uuid NOT NULL,
    monthly_income_cents bigint NOT NULL,
    fuel_category_id uuid,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_settings PRIMARY KEY (household_id)
);

CREATE TABLE expenses.tanks (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    key character varying(40) NOT NULL,
    name character varying(60) NOT NULL,
    ratio_percent numeric(5,2) NOT NULL,
    sort_order integer NOT NULL,
    CONSTRAINT pk_tanks PRIMARY KEY (id)
);

CREATE TABLE expenses.categories (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    tank_id uuid NOT NULL,
    name character varying(60) NOT NULL,
    sort_order integer NOT NULL,
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT fk_categories_tanks_tank_id FOREIGN KEY (tank_id) REFERENCES expenses.tanks (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_categories_household_id_name ON expenses.categories (household_id, name);

CREATE INDEX ix_categories_tank_id ON expenses.categories (tank_id);

CREATE INDEX ix_checklist_templates_household_id ON expenses.checklist_templates (household_id);

CREATE UNIQUE INDEX ix_entries_household_id_bank_transaction_id ON expenses.entries (household_id, bank_transaction_id) WHERE bank_transaction_id IS NOT NULL;

CREATE INDEX ix_entries_household_id_category_id ON expenses.entries (household_id, category_id);

CREATE INDEX ix_entries_household_id_date_category_id_amount_cents ON expenses.entries (household_id, date, category_id, amount_cents);

CREATE UNIQUE INDEX ix_entries_household_id_dedup_key ON expenses.entries (household_id, dedup_key) WHERE dedup_key IS NOT NULL;

CREATE UNIQUE INDEX ix_entries_household_id_source_ref ON expenses.entries (household_id, source_ref) WHERE source_ref IS NOT NULL;

CREATE INDEX ix_imports_household_id ON expenses.imports (household_id);

CREATE INDEX ix_inbox_messages_status_next_attempt_at ON expenses.inbox_messages (status, next_attempt_at);

CREATE UNIQUE INDEX ix_obligations_household_id_month_template_id ON expenses.obligations (household_id, month, template_id);

CREATE INDEX ix_outbox_messages_status_next_attempt_at ON expenses.outbox_messages (status, next_attempt_at);

CREATE INDEX ix_recurring_templates_active_next_due ON expenses.recurring_templates (active, next_due);

CREATE INDEX ix_recurring_templates_household_id ON expenses.recurring_templates (household_id);

CREATE INDEX ix_rules_household_id ON expenses.rules (household_id);

CREATE UNIQUE INDEX ix_tanks_household_id_key ON expenses.tanks (household_id, key);
