-- rewrite: first qualifying order per user via correlated MIN(), IIF flag, TOTAL() counts (reals), CAST AS REAL
WITH per_user AS (
  SELECT
    a.variant,
    IIF((SELECT MIN(o.ordered_at) FROM orders AS o
          WHERE o.user_id = a.user_id
            AND o.ordered_at >= a.assigned_at
            AND o.ordered_at <= e.ended_at) IS NULL, 0, 1) AS converted
  FROM experiment_assignments AS a
  JOIN experiments AS e USING (experiment_id)
  WHERE experiment_id = 1
)
SELECT
  variant,
  TOTAL(1),
  TOTAL(converted),
  ROUND(CAST(SUM(converted) AS REAL) * 100 / COUNT(*), 2)
FROM per_user
GROUP BY variant
ORDER BY variant;
