-- Purchases carry a version, sent with their events so Expenses applies changes in order. Purchases stored before
-- versions existed start at 0, as their events did.
ALTER TABLE heating.purchases ADD COLUMN version bigint NOT NULL DEFAULT 0;
