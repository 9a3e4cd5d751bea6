-- Households carry a version, sent with their events so consumers apply settings changes in order.
ALTER TABLE households.households ADD COLUMN version bigint NOT NULL DEFAULT 0;
