-- rewrite: self-join to the previous calendar month (date arithmetic) instead of LAG(); percent as ratio minus 1, times 100
WITH monthly AS (
  SELECT substr(ordered_at, 1, 7) AS ym, SUM(total_cents) AS cents
  FROM orders
  WHERE status = 'completed'
  GROUP BY 1
)
SELECT
  cur.ym AS month,
  ROUND(cur.cents / 100.0, 2) AS revenue,
  ROUND((cur.cents * 1.0 / prev.cents - 1) * 100, 1) AS growth
FROM monthly AS cur
LEFT JOIN monthly AS prev
  ON prev.ym = strftime('%Y-%m', cur.ym || '-01', '-1 month')
ORDER BY cur.ym;
