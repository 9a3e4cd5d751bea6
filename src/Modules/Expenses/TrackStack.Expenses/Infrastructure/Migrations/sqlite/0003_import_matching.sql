-- Bank import: the CSV column mapping a household confirmed per file layout, and the import a bank line was
-- matched to an existing entry by (so the entry is not added twice and an undo can take the link off).
CREATE TABLE "csv_layouts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_csv_layouts" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "header_hash" TEXT NOT NULL,
    "header" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_csv_layouts_household_id_header_hash" ON "csv_layouts" ("household_id", "header_hash");

ALTER TABLE "entries" ADD COLUMN "linked_import_id" TEXT NULL;

CREATE INDEX "ix_entries_household_id_linked_import_id" ON "entries" ("household_id", "linked_import_id") WHERE linked_import_id IS NOT NULL;
