-- A month's income carries a version (1 when the month opens, +1 per change) sent with MonthIncomeSet; months
-- opened before it start at 0 and announce their income at their next change.
ALTER TABLE "months" ADD COLUMN "income_version" INTEGER NOT NULL DEFAULT 0;
