-- Platform: a household context remembers that the household was deleted, so late events about it are dropped.
ALTER TABLE "household_contexts" ADD COLUMN "deleted_at" TEXT NULL;
