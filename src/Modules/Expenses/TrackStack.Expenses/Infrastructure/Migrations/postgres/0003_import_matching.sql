-- Bank import: the CSV column mapping a household confirmed per file layout, and the import a bank line was
-- matched to an existing entry by (so the entry is not added twice and an undo can take the link off).
CREATE TABLE expenses.csv_layouts (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    header_hash character varying(64) NOT NULL,
    header character varying(2000) NOT NULL,
    options character varying(2000) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by uuid NOT NULL,
    CONSTRAINT pk_csv_layouts PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_csv_layouts_household_id_header_hash ON expenses.csv_layouts (household_id, header_hash);

ALTER TABLE expenses.entries ADD COLUMN linked_import_id uuid;

CREATE INDEX ix_entries_household_id_linked_import_id ON expenses.entries (household_id, linked_import_id) WHERE linked_import_id IS NOT NULL;
