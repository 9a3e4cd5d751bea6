-- Entries carry a version (1 when added, +1 per change) sent with the entry events, so consumers apply them in order.
ALTER TABLE expenses.entries ADD COLUMN version bigint NOT NULL DEFAULT 0;
