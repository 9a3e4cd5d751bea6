-- Split entries: an entry may have parts (a category and an amount each, summing to the entry's amount);
-- the month sheet counts each part in its category. Parts go with their entry.
CREATE TABLE "entry_parts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_entry_parts" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "fk_entry_parts_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "entries" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_entry_parts_entry_id" ON "entry_parts" ("entry_id");

CREATE INDEX "ix_entry_parts_household_id_category_id" ON "entry_parts" ("household_id", "category_id");
