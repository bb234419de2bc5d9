-- rewrite: month as substr(), sums in a CTE, money and rate left unrounded, CAST AS REAL
WITH monthly AS (
  SELECT substr(ordered_at, 1, 7) AS m, COUNT(*) AS n, SUM(subtotal_cents) AS items, SUM(discount_cents) AS disc
  FROM orders
  WHERE status = 'completed' AND date(ordered_at) BETWEEN '2025-01-01' AND '2025-06-30'
  GROUP BY m
)
SELECT m, n, items / 100.0, disc / 100.0, CAST(disc AS REAL) / items * 100
FROM monthly
ORDER BY m;
