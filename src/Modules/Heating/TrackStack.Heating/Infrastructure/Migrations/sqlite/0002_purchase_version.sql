-- Purchases carry a version, sent with their events so Expenses applies changes in order. Purchases stored before
-- versions existed start at 0, as their events did.
ALTER TABLE "purchases" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
