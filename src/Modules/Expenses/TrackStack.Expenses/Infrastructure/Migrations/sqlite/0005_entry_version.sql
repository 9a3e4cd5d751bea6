-- Entries carry a version (1 when added, +1 per change) sent with the entry events, so consumers apply them in order.
ALTER TABLE "entries" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
