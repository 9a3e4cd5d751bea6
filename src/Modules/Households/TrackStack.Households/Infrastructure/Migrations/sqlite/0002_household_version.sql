-- Households carry a version, sent with their events so consumers apply settings changes in order.
ALTER TABLE "households" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
