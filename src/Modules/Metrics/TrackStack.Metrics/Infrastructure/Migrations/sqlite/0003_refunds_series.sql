-- Refunds (money in from entries) were the built-in expenses.income series; that name is now the months' budget
-- income (MonthIncomeSet). The old series become expenses.refunds under new ids: a series id is derived from its
-- metric and tags, so an untagged refund series kept under its old id would be the one the income now derives,
-- and the income would land in it. New refund figures derive expenses.refunds ids and their old points leave these
-- series when their entry changes, so sums over either metric stay right (ADR 0022).
CREATE TEMP TABLE "refund_series" AS
SELECT "id" AS "old_id",
       -- a random GUID written in the same case as the stored ones
       CASE WHEN "id" = upper("id") THEN upper("g") ELSE lower("g") END AS "new_id"
FROM (SELECT "id", "metric", "product_id",
             hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)) AS "g"
      FROM "series") AS "s"
WHERE "metric" = 'expenses.income' AND "product_id" IN (SELECT "id" FROM "products" WHERE "built_in" = 1);

UPDATE "builtin_points" SET "series_id" = (SELECT "new_id" FROM "refund_series" WHERE "old_id" = "builtin_points"."series_id")
WHERE "series_id" IN (SELECT "old_id" FROM "refund_series");
UPDATE "rollups" SET "series_id" = (SELECT "new_id" FROM "refund_series" WHERE "old_id" = "rollups"."series_id")
WHERE "series_id" IN (SELECT "old_id" FROM "refund_series");
UPDATE "series" SET "metric" = 'expenses.refunds', "id" = (SELECT "new_id" FROM "refund_series" WHERE "old_id" = "series"."id")
WHERE "id" IN (SELECT "old_id" FROM "refund_series");

DROP TABLE "refund_series";
