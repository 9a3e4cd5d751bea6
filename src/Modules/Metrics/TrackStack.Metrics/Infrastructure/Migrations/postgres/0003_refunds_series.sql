-- Refunds (money in from entries) were the built-in expenses.income series; that name is now the months' budget
-- income (MonthIncomeSet). The old series become expenses.refunds under new ids: a series id is derived from its
-- metric and tags, so an untagged refund series kept under its old id would be the one the income now derives,
-- and the income would land in it. New refund figures derive expenses.refunds ids and their old points leave these
-- series when their entry changes, so sums over either metric stay right (ADR 0022).
CREATE TEMP TABLE refund_series AS
SELECT id AS old_id, gen_random_uuid() AS new_id
FROM metrics.series
WHERE metric = 'expenses.income' AND product_id IN (SELECT id FROM metrics.products WHERE built_in);

UPDATE metrics.builtin_points p SET series_id = r.new_id FROM refund_series r WHERE p.series_id = r.old_id;
UPDATE metrics.rollups u SET series_id = r.new_id FROM refund_series r WHERE u.series_id = r.old_id;
UPDATE metrics.series s SET metric = 'expenses.refunds', id = r.new_id FROM refund_series r WHERE s.id = r.old_id;

DROP TABLE refund_series;
