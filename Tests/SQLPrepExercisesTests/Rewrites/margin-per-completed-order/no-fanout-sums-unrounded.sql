-- rewrite: revenue and order count taken from orders alone, costs summed from lines separately, per-month figures joined; unrounded
WITH scope AS (
  SELECT order_id, substr(ordered_at, 1, 7) AS month, total_cents
  FROM orders
  WHERE status = 'completed'
    AND ordered_at >= '2025-01-01' AND ordered_at < '2025-07-01'
),
by_month AS (
  SELECT month, COUNT(*) AS n, SUM(total_cents) AS revenue_cents
  FROM scope GROUP BY month
),
cost_by_month AS (
  SELECT s.month, SUM(i.quantity * p.cost_cents) AS cost_cents
  FROM scope AS s
  JOIN order_items AS i ON i.order_id = s.order_id
  JOIN products AS p ON p.product_id = i.product_id
  GROUP BY s.month
)
SELECT
  month,
  n,
  revenue_cents / 100.0,
  (revenue_cents - cost_cents - 499 * n) / 100.0,
  (revenue_cents - cost_cents - 499 * n) / 100.0 / n
FROM by_month
JOIN cost_by_month USING (month)
ORDER BY month;
