-- Refunds (money in from entries) were the built-in expenses.income series; that name is now the months' budget
-- income (MonthIncomeSet). Renamed in place; see ADR 0022 for why sums over the metric stay right.
UPDATE "series" SET "metric" = 'expenses.refunds'
WHERE "metric" = 'expenses.income' AND "product_id" IN (SELECT "id" FROM "products" WHERE "built_in" = 1);
