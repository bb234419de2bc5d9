-- rewrite: TOTAL() and CAST AS REAL; the running share from a window over a window
WITH per_decile AS (
  SELECT decile, COUNT(*) AS buyers, TOTAL(revenue_cents) AS cents
  FROM (
    SELECT NTILE(10) OVER (ORDER BY SUM(total_cents) DESC) AS decile, SUM(total_cents) AS revenue_cents
    FROM orders
    WHERE status = 'completed'
    GROUP BY user_id
  )
  GROUP BY decile
)
SELECT decile, buyers, ROUND(cents / 100, 2),
       ROUND(cents / SUM(cents) OVER () * 100, 1),
       ROUND(SUM(cents) OVER (ORDER BY decile ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) / SUM(cents) OVER () * 100, 1)
FROM per_decile
ORDER BY decile;
