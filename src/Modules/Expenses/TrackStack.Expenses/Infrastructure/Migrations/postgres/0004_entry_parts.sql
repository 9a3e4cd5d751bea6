-- Split entries: an entry may have parts (a category and an amount each, summing to the entry's amount);
-- the month sheet counts each part in its category. Parts go with their entry.
CREATE TABLE expenses.entry_parts (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    entry_id uuid NOT NULL,
    category_id uuid NOT NULL,
    amount_cents bigint NOT NULL,
    position integer NOT NULL,
    CONSTRAINT pk_entry_parts PRIMARY KEY (id),
    CONSTRAINT fk_entry_parts_entries_entry_id FOREIGN KEY (entry_id) REFERENCES expenses.entries (id) ON DELETE CASCADE
);

CREATE INDEX ix_entry_parts_entry_id ON expenses.entry_parts (entry_id);

CREATE INDEX ix_entry_parts_household_id_category_id ON expenses.entry_parts (household_id, category_id);
